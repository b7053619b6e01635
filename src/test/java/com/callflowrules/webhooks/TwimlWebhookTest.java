package com.callflowrules.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ServiceTest;
import com.callflowrules.support.ServiceTestDoubles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The life of a call through the TwiML webhooks, as the platform sends it: form-encoded call
 * webhooks signed with the account's auth token, then the {@code action} callbacks with
 * {@code Digits}, then the conference's status callbacks. Every answer is parsed and checked as
 * an XML tree; the signature is checked by Twilio's own validator, and unsigned or wrongly
 * signed requests are refused.
 */
@ServiceTest
class TwimlWebhookTest {

    @org.springframework.beans.factory.annotation.Autowired
    com.callflowrules.scenario.ScenarioClock clock;

    @org.springframework.beans.factory.annotation.Autowired
    ServiceTestDoubles.RecordingTwilioCalls twilio;

    @org.springframework.beans.factory.annotation.Autowired
    com.callflowrules.session.CallControl control;

    static final String TOKEN = ServiceTestDoubles.TWILIO_AUTH_TOKEN;
    private static final String AUTH =
            "Basic " + Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));
    private static final AtomicInteger NUMBERS = new AtomicInteger(2000);
    private static final AtomicInteger CALLS = new AtomicInteger();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient api;
    private String account;

    private record Answer(int status, String body) {
        Document xml() throws Exception {
            assertThat(status).as(body).isEqualTo(200);
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private String number(String flow, String accountProperties) {
        account = api.post(
                        "/accounts",
                        "{\"name\": \"Acme\", \"call_flow_sid\": \"" + flow + "\", \"properties\": " + accountProperties
                                + "}")
                .text("account_sid");
        String number = "1555" + NUMBERS.incrementAndGet() + "000";
        assertThat(api.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"" + number + "\"}")
                        .status())
                .isEqualTo(201);
        return number;
    }

    private String room(String code, String role) {
        return api.post(
                        "/meeting_rooms",
                        "{\"account_sid\": \"" + account + "\", \"access_codes\": [{\"access_code\": \"" + code
                                + "\", \"role\": \"" + role + "\"}]}")
                .text("meeting_room_sid");
    }

    /** The platform's signature: HMAC-SHA1 of the URL and every parameter, sorted by name (Twilio's documented scheme). */
    private static String sign(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Answer post(String step, Map<String, String> form, String signature)
            throws IOException, InterruptedException {
        String url = "http://localhost:" + port + "/conference/v2/twiml/" + step;
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", AUTH)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private Answer platform(String step, Map<String, String> form) throws Exception {
        return post(step, form, sign("http://localhost:" + port + "/conference/v2/twiml/" + step, form));
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static Element only(Document xml, String path) throws Exception {
        NodeList found = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
        assertThat(found.getLength()).as(path).isEqualTo(1);
        return (Element) found.item(0);
    }

    /** The element names under {@code <Response>}, in order. */
    private static String verbs(Document xml) {
        StringBuilder verbs = new StringBuilder();
        for (Node child = xml.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                verbs.append(verbs.isEmpty() ? "" : " ").append(element.getTagName());
            }
        }
        return verbs.toString();
    }

    private static String newCallSid() {
        return "CA" + String.format("%032d", CALLS.incrementAndGet());
    }

    @Test
    void aSecuredCallIsPromptedRepromptedJoinedAndLeavesThroughTheWebhooks() throws Exception {
        String number = number("secured", "{}");
        String room = room("1234", "host");
        String callSid = newCallSid();

        Document prompt = platform("voice", form("CallSid", callSid, "From", "+15559990000", "To", number))
                .xml();
        Document wrong = platform("access_code", form("CallSid", callSid, "Digits", "99"))
                .xml();
        Document joined = platform("access_code", form("CallSid", callSid, "Digits", "1234"))
                .xml();

        assertThat(verbs(prompt)).isEqualTo("Gather Redirect");
        Element gather = only(prompt, "/Response/Gather");
        assertThat(gather.getAttribute("input")).isEqualTo("dtmf");
        assertThat(gather.getAttribute("timeout")).isEqualTo("5");
        assertThat(gather.getAttribute("action"))
                .as("the prompt's step: a retry of its entry is known as one")
                .isEqualTo("/conference/v2/twiml/access_code?step=0");
        // no media configured: the platform's text-to-speech says the catalogue's text, in the DID's language
        Element say = only(prompt, "/Response/Gather/Say");
        assertThat(say.getTextContent()).isEqualTo("Welcome. Please enter your access code, then press the pound key.");
        assertThat(say.getAttribute("language")).isEqualTo("en-US");
        assertThat(only(prompt, "/Response/Redirect").getTextContent())
                .isEqualTo("/conference/v2/twiml/access_code?step=0");
        assertThat(only(wrong, "/Response/Gather").getAttribute("action"))
                .isEqualTo("/conference/v2/twiml/access_code?step=1");
        assertThat(only(wrong, "/Response/Gather/Say").getTextContent())
                .isEqualTo("That access code is not valid. Please try again.");

        assertThat(verbs(joined)).endsWith("Dial");
        Element conference = only(joined, "/Response/Dial/Conference");
        assertThat(conference.getTextContent()).isEqualTo(room);
        assertThat(conference.getAttribute("startConferenceOnEnter")).isEqualTo("true");
        assertThat(conference.getAttribute("endConferenceOnExit")).isEqualTo("false");
        assertThat(conference.getAttribute("muted")).isEqualTo("false");
        assertThat(conference.getAttribute("beep")).isEqualTo("true");
        assertThat(conference.hasAttribute("waitUrl"))
                .as("no music configured: the platform's own hold music")
                .isFalse();
        assertThat(conference.getAttribute("statusCallback")).isEqualTo("/conference/v2/twiml/status");
        assertThat(conference.getAttribute("statusCallbackEvent")).isEqualTo("join leave");
        assertThat(only(joined, "/Response/Say[1]").getTextContent()).isEqualTo("You are now joining the meeting.");

        String ourSid = callSid;
        assertThat(api.get("/calls/" + ourSid).text("state")).isEqualTo("joined");
        Answer left = platform(
                "status", form("CallSid", callSid, "StatusCallbackEvent", "participant-leave", "ConferenceSid", "CF1"));
        assertThat(left.status()).isEqualTo(200);
        assertThat(api.get("/calls/" + ourSid).text("state")).isEqualTo("ended");
        assertThat(api.get("/calls/" + ourSid + "/decisions")
                        .body()
                        .valueStream()
                        .map(e -> e.get("event").asString())
                        .toList())
                .as("every TwiML answer's decision is audited")
                .containsExactly("arrive", "access_code", "access_code", "hang_up");
    }

    @Test
    void promptsAreSpokenInTheLanguageOfTheNumber() throws Exception {
        String number = number("secured", """
                {"did_language": "de_DE"}""");

        Document prompt = platform("voice", form("CallSid", newCallSid(), "From", "+15559990000", "To", number))
                .xml();

        Element say = only(prompt, "/Response/Gather/Say");
        assertThat(say.getAttribute("language")).isEqualTo("de-DE");
        assertThat(say.getTextContent())
                .isEqualTo("Willkommen. Bitte geben Sie Ihren Zugangscode ein und drücken Sie dann die Rautetaste.");
    }

    @Test
    void aParticipantWaitsInTheConferenceWithoutStartingIt() throws Exception {
        String number = number("secured", """
                {"conference_start_how": "host", "conference_moh": "lobby"}""");
        String room = room("2222", "participant");
        String callSid = newCallSid();

        platform("voice", form("CallSid", callSid, "From", "+15559990000", "To", number));
        Document waiting = platform("access_code", form("CallSid", callSid, "Digits", "2222"))
                .xml();

        Element conference = only(waiting, "/Response/Dial/Conference");
        assertThat(conference.getTextContent()).isEqualTo(room);
        assertThat(conference.getAttribute("startConferenceOnEnter")).isEqualTo("false");
        assertThat(conference.hasAttribute("waitUrl")).isFalse();
        assertThat(api.get("/calls/" + callSid).text("state")).isEqualTo("waiting");
    }

    @Test
    void aDirectFlowJoinsAtOnceAndAnUnknownNumberIsRejected() throws Exception {
        String number = number("direct_participant", """
                        {"conference_moh_enabled": "off", "conference_exittones_enabled": "off"}""");

        Document direct = platform("voice", form("CallSid", newCallSid(), "From", "+15559990000", "To", number))
                .xml();
        Document unknown = platform("voice", form("CallSid", newCallSid(), "From", "+15559990000", "To", "15550000001"))
                .xml();

        Element conference = only(direct, "/Response/Dial/Conference");
        assertThat(conference.getAttribute("startConferenceOnEnter")).isEqualTo("true");
        assertThat(conference.getAttribute("waitUrl")).isEmpty();
        assertThat(conference.getAttribute("beep")).isEqualTo("onEnter");
        assertThat(verbs(unknown)).isEqualTo("Reject");
        assertThat(only(unknown, "/Response/Reject").getAttribute("reason")).isEqualTo("rejected");
    }

    @Test
    void tooManyWrongCodesPlayGoodbyeAndHangUp() throws Exception {
        String number = number("secured", """
                {"accesscode_max_attempts": "1"}""");
        String callSid = newCallSid();

        platform("voice", form("CallSid", callSid, "From", "+15559990000", "To", number));
        Document goodbye = platform("access_code", form("CallSid", callSid)).xml();

        assertThat(verbs(goodbye)).isEqualTo("Say Hangup");
        assertThat(only(goodbye, "/Response/Say").getTextContent())
                .isEqualTo("That access code is not valid. You have used all your attempts. Goodbye.");
    }

    @Test
    void unsignedAndWronglySignedRequestsAreRefusedAndDecideNothing() throws Exception {
        String number = number("secured", "{}");
        Map<String, String> arrival = form("CallSid", newCallSid(), "From", "+15559990000", "To", number);

        Answer unsigned = post("voice", arrival, null);
        Answer forged = post(
                "voice",
                arrival,
                sign(
                        "http://localhost:" + port + "/conference/v2/twiml/voice",
                        form("CallSid", "CAother", "From", "+15559990000", "To", number)));

        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api.get("/calls/" + arrival.get("CallSid")).status()).isEqualTo(404);
    }

    @Test
    void theStartWaitTimerEndsAWaitingCallerOnThePlatformThroughItsRestApi() throws Exception {
        String number = number("secured", """
                {"conference_start_how": "host", "conference_start_wait": "30"}""");
        room("3333", "participant");
        String callSid = newCallSid();
        platform("voice", form("CallSid", callSid, "From", "+15559990000", "To", number));
        platform("access_code", form("CallSid", callSid, "Digits", "3333"));
        assertThat(api.get("/calls/" + callSid).text("state")).isEqualTo("waiting");

        clock.advance(java.time.Duration.ofSeconds(31));
        control.fireDueTimers();

        assertThat(api.get("/calls/" + callSid).text("end_reason")).isEqualTo("START_TIMEOUT");
        // the platform is told on a thread of its own, after the change is stored
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(twilio.completed).containsExactly(callSid));
    }

    /**
     * Twilio does not report keys pressed in a conference, but what the service does to a
     * participant on its own (a key reported through the JSON API, an operator's PATCH) is carried
     * out on the platform with participant updates.
     */
    @Test
    void aParticipantTheServiceMutesOrHoldsIsUpdatedOnThePlatform() throws Exception {
        String number = number("secured", "{}");
        String roomSid = room("5151", "host");
        String callSid = newCallSid();
        platform("voice", form("CallSid", callSid, "From", "+15559990000", "To", number));
        platform("access_code", form("CallSid", callSid, "Digits", "5151"));
        twilio.participants.clear();

        api.post("/calls/" + callSid + "/dtmf", """
                {"digits": "*6"}""");
        // changes nothing: had it been sent, it would stand between the two updates (one thread, in order)
        api.patch("/calls/" + callSid, """
                {"muted": true}""");
        api.patch("/calls/" + callSid, """
                {"on_hold": true}""");

        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(twilio.participants)
                        .as("a PATCH that changes nothing tells the platform nothing")
                        .containsExactly(
                                roomSid + " " + callSid + " muted=true hold=false",
                                roomSid + " " + callSid + " muted=true hold=true"));
    }

    /** Every shipped flow through the webhooks: its prompt or its direct join, the code where it asks one, the leave. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"open", "open_first_host", "secured", "secured_webinar", "direct_host", "direct_participant"})
    void everyFlowFromArrivalToLeave(String flow) throws Exception {
        String number = number(flow, "{}");
        room("4321", "participant");
        String callSid = newCallSid();
        boolean direct = flow.startsWith("direct");

        Document first = platform("voice", form("CallSid", callSid, "From", "+15559990000", "To", number))
                .xml();
        Document joined = direct
                ? first
                : platform("access_code", form("CallSid", callSid, "Digits", flow.startsWith("open") ? "8888" : "4321"))
                        .xml();

        if (!direct) {
            assertThat(verbs(first)).isEqualTo("Gather Redirect");
        }
        Element conference = only(joined, "/Response/Dial/Conference");
        String room = api.get("/calls/" + callSid).text("meeting_room_sid");
        assertThat(conference.getTextContent()).isEqualTo(room);
        assertThat(conference.getAttribute("startConferenceOnEnter")).isEqualTo("true");
        assertThat(conference.getAttribute("muted")).isEqualTo(flow.equals("secured_webinar") ? "true" : "false");
        platform("status", form("CallSid", callSid, "StatusCallbackEvent", "participant-leave"));
        assertThat(api.get("/calls/" + callSid).text("state")).isEqualTo("ended");
    }
}
