package com.callflowrules.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.scenario.ScenarioClock;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.NodeTools;
import com.callflowrules.support.ServiceTestDoubles;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole calls replayed as Twilio and jambonz send them, field for field from their documentation,
 * with recorded prompts configured (absolute URLs) and both platforms' signatures required:
 * numbers in E.164 with their {@code +} (and as SIP URIs from jambonz), webhook URLs with query
 * strings, retries of every step (answered the same, decided once, also when they race), every
 * status callback, and the refusals of forged, replayed and wrongly signed requests.
 *
 * <p>The requests follow, for Twilio: the voice webhook's parameters
 * (twilio.com/docs/voice/twiml#request-parameters), the Gather action's {@code Digits} and
 * {@code FinishedOnKey} (twilio.com/docs/voice/twiml/gather#action), the conference status
 * callback's parameters and events (twilio.com/docs/voice/twiml/conference#attributes-statusCallbackEvent),
 * the call status callback (twilio.com/docs/voice/api/call-resource#statuscallback), the
 * signature over the URL and the POST parameters (twilio.com/docs/usage/webhooks/webhooks-security)
 * and the {@code I-Twilio-Idempotency-Token} of retries (twilio.com/docs/usage/webhooks/webhooks-connection-overrides).
 * For jambonz: the call webhook's body (docs.jambonz.org/reference/webhooks/call-hook-post), the
 * call status payload (docs.jambonz.org/reference/websocket-api/call-control/call-status), the
 * conference's status events (docs.jambonz.org/verbs/verbs/conference) and the signature
 * (docs.jambonz.org/guides/features/securing-http-endpoints), checked here with jambonz's own
 * Node SDK.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:platform-replay;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "callflow.timers.enabled=false",
            "callflow.rules.watch=false",
            "callflow.webhooks.twilio-auth-token=" + ServiceTestDoubles.TWILIO_AUTH_TOKEN,
            "callflow.webhooks.jambonz-webhook-secret=" + PlatformReplayTest.JAMBONZ_SECRET,
            "callflow.webhooks.media-url=https://media.example.com/prompts/{language}/{prompt}.wav",
            "callflow.webhooks.music-url=https://media.example.com/music/{music}.mp3"
        })
@Import(ServiceTestDoubles.class)
@ContextConfiguration(initializers = ServiceTestDoubles.Initializer.class)
class PlatformReplayTest {

    static final String JAMBONZ_SECRET = "wh_secret_cJqHJj6EjXQfXEnUvXb8Qm";
    private static final String TOKEN = ServiceTestDoubles.TWILIO_AUTH_TOKEN;
    private static final String ACCOUNT_SID = "AC" + "a".repeat(32);
    private static final String AUTH =
            "Basic " + Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NUMBERS = new AtomicInteger(4000);
    private static final AtomicInteger CALLS = new AtomicInteger(7000);

    @LocalServerPort
    int port;

    @Autowired
    ScenarioClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient api;

    private record Answer(int status, String type, String body) {}

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    // ---- the hierarchy, through the JSON API, numbers in the canonical form ----

    /** A secured number, created as {@code written}; returns the E.164 form the platforms dial. */
    private String securedNumber(boolean withPlus) {
        String account = api.post("/accounts", """
                        {"name": "Replay", "call_flow_sid": "secured"}""").text("account_sid");
        String digits = "1555" + NUMBERS.incrementAndGet() + "000";
        var did = api.post("/dids", """
                {"account_sid": "%s", "phonenumber": "%s"}""".formatted(account, withPlus ? "+" + digits : digits));
        assertThat(did.status()).as(did.raw()).isEqualTo(201);
        assertThat(did.text("phonenumber")).as("stored in E.164 with its +").isEqualTo("+" + digits);
        api.post("/meeting_rooms", """
                {"account_sid": "%s", "access_codes": [{"access_code": "1234", "role": "host"}]}""".formatted(account));
        return "+" + digits;
    }

    // ---- Twilio, as it sends its webhooks ----

    private static String twilioSid() {
        return "CA" + String.format("%032x", CALLS.incrementAndGet());
    }

    /** The voice webhook's documented parameters for an inbound call. */
    private static Map<String, String> voiceRequest(String callSid, String to) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", callSid);
        form.put("CallStatus", "ringing");
        form.put("CallToken", "%7B%22parentCallInfoToken%22%3A%22eyJhbGciOiJFUzI1NiJ9%22%7D");
        form.put("Called", to);
        form.put("CalledCity", "");
        form.put("CalledCountry", "US");
        form.put("CalledState", "CA");
        form.put("CalledZip", "");
        form.put("Caller", "+14155550100");
        form.put("CallerCity", "SAN FRANCISCO");
        form.put("CallerCountry", "US");
        form.put("CallerState", "CA");
        form.put("CallerZip", "94105");
        form.put("Direction", "inbound");
        form.put("From", "+14155550100");
        form.put("FromCity", "SAN FRANCISCO");
        form.put("FromCountry", "US");
        form.put("FromState", "CA");
        form.put("FromZip", "94105");
        form.put("To", to);
        form.put("ToCity", "");
        form.put("ToCountry", "US");
        form.put("ToState", "CA");
        form.put("ToZip", "");
        return form;
    }

    /** The Gather's action request: the call's parameters plus what was keyed. */
    private static Map<String, String> gatherAction(String callSid, String to, String digits) {
        Map<String, String> form = voiceRequest(callSid, to);
        form.put("CallStatus", "in-progress");
        if (digits != null) {
            form.put("Digits", digits);
            form.put("FinishedOnKey", "#");
        }
        return form;
    }

    /** A conference status callback: the conference's parameters, and the participant's for a participant event. */
    private static Map<String, String> conferenceEvent(String event, String callSid) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ConferenceSid", "CF" + "b".repeat(32));
        form.put("FriendlyName", "room");
        form.put("SequenceNumber", "3");
        form.put("StatusCallbackEvent", event);
        form.put("Timestamp", "Wed, 02 Dec 2026 09:00:05 +0000");
        if (callSid != null) {
            form.put("CallSid", callSid);
            form.put("Coaching", "false");
            form.put("EndConferenceOnExit", "false");
            form.put("Hold", event.equals("participant-hold") ? "true" : "false");
            form.put("Muted", event.equals("participant-mute") ? "true" : "false");
            form.put("StartConferenceOnEnter", "true");
        }
        if (event.equals("participant-leave")) {
            form.put("ReasonParticipantLeft", "participant_hung_up");
        }
        if (event.equals("conference-end")) {
            form.put("ReasonConferenceEnded", "last-participant-left");
            form.put("CallSidEndingConference", callSid == null ? twilioSid() : callSid);
        }
        return form;
    }

    /** Twilio's documented signature: HMAC-SHA1 of the full URL, query included, then each POST parameter sorted. */
    private static String twilioSignature(String token, String url, Map<String, String> postParameters)
            throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(postParameters).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private String twilioUrl(String pathAndQuery) {
        return "http://localhost:" + port + "/conference/v2/twiml/" + pathAndQuery;
    }

    private Answer twilio(String pathAndQuery, Map<String, String> form, String signature, String token)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twilioUrl(pathAndQuery)))
                .header("Authorization", AUTH)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        if (token != null) {
            request.header("I-Twilio-Idempotency-Token", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** As Twilio sends it: signed over the URL the request goes to, with the POST parameters. */
    private Answer twilio(String pathAndQuery, Map<String, String> form) throws Exception {
        return twilio(pathAndQuery, form, twilioSignature(TOKEN, twilioUrl(pathAndQuery), form), null);
    }

    private static Document xml(Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.type()).startsWith("text/xml");
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static Element only(Document xml, String path) throws Exception {
        NodeList found = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
        assertThat(found.getLength()).as(path).isEqualTo(1);
        return (Element) found.item(0);
    }

    private List<String> events(String callSid) {
        return api.get("/calls/" + callSid + "/decisions")
                .body()
                .valueStream()
                .map(e -> e.get("event").asString())
                .toList();
    }

    @Test
    void aTwilioCallToAPlusNumberIsPromptedJoinedAndLeavesWithRecordedPrompts() throws Exception {
        String number = securedNumber(false);
        String callSid = twilioSid();

        // the number's webhook URL carries a query string of the integrator's: signed with it, not a POST parameter
        Document prompt = xml(twilio("voice?tenant=acme", voiceRequest(callSid, number)));
        Element gather = only(prompt, "/Response/Gather");
        assertThat(gather.getAttribute("action")).isEqualTo("/conference/v2/twiml/access_code?step=0");
        assertThat(only(prompt, "/Response/Gather/Play").getTextContent())
                .as("an absolute URL: the platform resolves no relative media URL")
                .isEqualTo("https://media.example.com/prompts/en_US/default.wav");

        Document joined = xml(twilio("access_code?step=0", gatherAction(callSid, number, "1234")));
        Element conference = only(joined, "/Response/Dial/Conference");
        assertThat(conference.getAttribute("waitUrl")).isEqualTo("https://media.example.com/music/default.mp3");
        assertThat(conference.getAttribute("waitMethod"))
                .as("a recording is fetched with GET")
                .isEqualTo("GET");
        assertThat(api.get("/calls/" + callSid).text("number_dst")).isEqualTo(number);
        assertThat(api.get("/calls/" + callSid).text("state")).isEqualTo("joined");

        xml(twilio("status", conferenceEvent("participant-leave", callSid)));
        assertThat(api.get("/calls/" + callSid).text("state")).isEqualTo("ended");
        assertThat(events(callSid)).containsExactly("arrive", "access_code", "hang_up");
    }

    @Test
    void aDigitsOnlyNumberMatchesTheCallsThatDialItWithItsPlus() throws Exception {
        String plusNumber = securedNumber(true);

        Document prompt = xml(twilio("voice", voiceRequest(twilioSid(), plusNumber)));
        Document alsoPrompt = xml(twilio("voice", voiceRequest(twilioSid(), plusNumber.substring(1))));

        assertThat(only(prompt, "/Response/Gather").getAttribute("action")).endsWith("step=0");
        assertThat(only(alsoPrompt, "/Response/Gather").getAttribute("action")).endsWith("step=0");
    }

    @Test
    void aTwilioRetryOfEveryStepGetsTheSameAnswerAndIsDecidedOnce() throws Exception {
        String number = securedNumber(false);
        String callSid = twilioSid();
        Map<String, String> arrival = voiceRequest(callSid, number);

        Answer first = twilio("voice", arrival, twilioSignature(TOKEN, twilioUrl("voice"), arrival), "idem-1");
        Answer retry = twilio("voice", arrival, twilioSignature(TOKEN, twilioUrl("voice"), arrival), "idem-1");
        Answer wrong = twilio("access_code?step=0", gatherAction(callSid, number, "99"));
        Answer wrongAgain = twilio("access_code?step=0", gatherAction(callSid, number, "99"));

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(wrongAgain.body()).isEqualTo(wrong.body());
        assertThat(only(xml(wrong), "/Response/Gather").getAttribute("action"))
                .isEqualTo("/conference/v2/twiml/access_code?step=1");
        assertThat(api.get("/calls/" + callSid).body().get("attempts_used").asInt())
                .as("the retried entry counted once")
                .isEqualTo(1);

        // the same entry sent twice at once (a retry racing a slow first answer): one is decided
        Map<String, String> right = gatherAction(callSid, number, "1234");
        List<CompletableFuture<Answer>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return twilio("access_code?step=1", right);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<String> bodies = racing.stream()
                .map(CompletableFuture::join)
                .map(Answer::body)
                .distinct()
                .toList();
        assertThat(bodies).hasSize(1);
        assertThat(xml(new Answer(200, "text/xml", bodies.get(0)))
                        .getElementsByTagName("Conference")
                        .getLength())
                .isEqualTo(1);
        assertThat(events(callSid))
                .as("each step decided once, however often it came")
                .containsExactly("arrive", "access_code", "access_code");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "conference-start",
                "participant-join",
                "participant-mute",
                "participant-unmute",
                "participant-hold",
                "participant-unhold",
                "participant-modify",
                "participant-speech-start",
                "participant-speech-stop",
                "announcement-end",
                "announcement-fail",
                "conference-end"
            })
    void everyTwilioConferenceEventButALeaveIsAnsweredAndChangesNothing(String event) throws Exception {
        String number = securedNumber(false);
        String callSid = twilioSid();
        twilio("voice", voiceRequest(callSid, number));
        twilio("access_code?step=0", gatherAction(callSid, number, "1234"));
        boolean conferenceOwn = event.startsWith("conference-") || event.startsWith("announcement-");

        Document answer = xml(twilio("status", conferenceEvent(event, conferenceOwn ? null : callSid)));

        assertThat(answer.getDocumentElement().getChildNodes().getLength()).isZero();
        assertThat(api.get("/calls/" + callSid).text("state")).isEqualTo("joined");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "queued",
                "initiated",
                "ringing",
                "in-progress",
                "completed",
                "busy",
                "no-answer",
                "canceled",
                "failed"
            })
    void everyTwilioCallStatusIsAnsweredAndAnEndedOneHangsUp(String status) throws Exception {
        String number = securedNumber(false);
        String callSid = twilioSid();
        twilio("voice", voiceRequest(callSid, number));
        Map<String, String> callback = voiceRequest(callSid, number);
        callback.put("CallStatus", status);
        callback.put("CallbackSource", "call-progress-events");
        callback.put("SequenceNumber", "2");
        callback.put("Timestamp", "Wed, 02 Dec 2026 09:00:09 +0000");
        if (status.equals("completed")) {
            callback.put("CallDuration", "9");
        }

        Document answer = xml(twilio("status", callback));
        Document again = xml(twilio("status", callback));

        assertThat(answer.getDocumentElement().getChildNodes().getLength()).isZero();
        assertThat(again.getDocumentElement().getChildNodes().getLength()).isZero();
        boolean gone =
                List.of("completed", "busy", "no-answer", "canceled", "failed").contains(status);
        assertThat(api.get("/calls/" + callSid).text("state")).isEqualTo(gone ? "ended" : "prompting");
    }

    @Test
    void aLateEntryForAnEndedCallIsAnsweredWithAnApologyAndAHangUpAndAudited() throws Exception {
        String number = securedNumber(false);
        String callSid = twilioSid();
        twilio("voice", voiceRequest(callSid, number));
        Map<String, String> ended = voiceRequest(callSid, number);
        ended.put("CallStatus", "completed");
        twilio("status", ended);

        Document late = xml(twilio("access_code?step=0", gatherAction(callSid, number, "1234")));

        assertThat(only(late, "/Response/Play").getTextContent())
                .isEqualTo("https://media.example.com/prompts/en_US/unavailable.wav");
        only(late, "/Response/Hangup");
        var audited = api.get("/calls/" + callSid + "/decisions").body();
        JsonNode last = audited.get(audited.size() - 1);
        assertThat(last.get("event").asString()).isEqualTo("access_code");
        assertThat(last.get("reason").asString()).isEqualTo("UNANSWERED");
        assertThat(last.get("decision").get("problem").asString()).contains("has ended");
    }

    @Test
    void unsignedForgedAndWronglySignedTwilioRequestsAreRefusedAndDecideNothing() throws Exception {
        String number = securedNumber(false);
        String callSid = twilioSid();
        Map<String, String> arrival = voiceRequest(callSid, number);
        // the query's parameters signed as if they were POST parameters: not Twilio's scheme
        Map<String, String> mixed = new LinkedHashMap<>(arrival);
        mixed.put("tenant", "acme");

        List<Answer> refused = List.of(
                twilio("voice", arrival, null, null),
                twilio("voice", arrival, twilioSignature("0".repeat(32), twilioUrl("voice"), arrival), null),
                twilio("voice?tenant=acme", arrival, twilioSignature(TOKEN, twilioUrl("voice"), mixed), null),
                twilio(
                        "voice?tenant=other",
                        arrival,
                        twilioSignature(TOKEN, twilioUrl("voice?tenant=acme"), arrival),
                        null));

        assertThat(refused).extracting(Answer::status).containsOnly(403);
        assertThat(refused.get(0).body()).contains("X-Twilio-Signature");
        assertThat(api.get("/calls/" + callSid).status()).isEqualTo(404);
    }

    // ---- jambonz, as it sends its webhooks ----

    private static String jambonzSid() {
        return "9d6a4e1b-2c3d-4e5f-8a9b-" + String.format("%012d", CALLS.incrementAndGet());
    }

    /** The call webhook's documented body for an inbound call, the dialed number as a SIP URI's user when asked. */
    private static String callHook(String callSid, String to) {
        return """
                {"sip": {"headers": {"to": "<sip:%1$s@10.0.0.1;user=phone>", "from": "<sip:+14155550100@198.51.100.7>;tag=1tm903"},
                  "method": "INVITE", "uri": "sip:%1$s@10.0.0.1:5060"},
                 "direction": "inbound", "trace_id": "151b12417e6460b82a97188348066439", "caller_name": "",
                 "call_sid": "%2$s", "account_sid": "66acafce-44c2-417a-a7c0-3e1f2a3b4c5d",
                 "application_sid": "db7ba948-2410-4845-949f-1a2b3c4d5e6f", "from": "+14155550100", "to": "%1$s",
                 "call_id": "935f3b60-2775-123d-a6a1-00505695b0d2", "sip_status": 100, "sip_reason": "Trying",
                 "call_status": "trying", "originating_sip_ip": "198.51.100.7", "originating_sip_trunk_name": "carrier",
                 "local_sip_address": "10.0.150.88:5070", "api_base_url": "https://jambonz.example.com/v1"}""".formatted(to, callSid);
    }

    private static String gatherHook(String callSid, String digits) {
        return """
                {"call_sid": "%s", "direction": "inbound", "from": "+14155550100", "to": "+15550001000",
                 "call_status": "in-progress", "sip_status": 200, "sip_reason": "OK", %s}""".formatted(
                        callSid,
                        digits == null
                                ? "\"reason\": \"timeout\""
                                : "\"digits\": \"" + digits + "\", \"reason\": \"dtmfDetected\"");
    }

    /** jambonz's signature: {@code t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with the webhook secret. */
    static String jambonzSignature(String secret, long seconds, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = HexFormat.of().formatHex(mac.doFinal((seconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        return "t=" + seconds + ",v1=" + hex;
    }

    private Answer jambonz(String pathAndQuery, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/conference/v2/jambonz/" + pathAndQuery))
                .header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Jambonz-Signature", signature);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** As jambonz sends it: signed now, by the service's clock. */
    private JsonNode jambonz(String pathAndQuery, String body) throws Exception {
        Answer answer = jambonz(
                pathAndQuery,
                body,
                jambonzSignature(JAMBONZ_SECRET, clock.instant().getEpochSecond(), body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.type()).startsWith("application/json");
        return JSON.readTree(answer.body());
    }

    @Test
    void aJambonzCallToASipUriIsPromptedRetriedJoinedAndLeaves() throws Exception {
        String number = securedNumber(false);
        String jambonzSid = jambonzSid();
        String ours = JambonzController.callSid(jambonzSid);

        JsonNode prompt = jambonz("call", callHook(jambonzSid, "sip:" + number + "@10.0.0.1"));
        JsonNode retried = jambonz("call", callHook(jambonzSid, "sip:" + number + "@10.0.0.1"));
        JsonNode joined = jambonz("access_code?step=0", gatherHook(jambonzSid, "1234"));
        JsonNode joinedAgain = jambonz("access_code?step=0", gatherHook(jambonzSid, "1234"));
        JsonNode music = jambonz("wait?music=default", "{\"call_sid\": \"" + jambonzSid + "\"}");

        assertThat(prompt.get(0).get("verb").asString()).isEqualTo("gather");
        assertThat(prompt.get(0).get("actionHook").asString()).isEqualTo("/conference/v2/jambonz/access_code?step=0");
        assertThat(prompt.get(0).get("play").get("url").asString())
                .isEqualTo("https://media.example.com/prompts/en_US/default.wav");
        assertThat(retried).isEqualTo(prompt);
        assertThat(joinedAgain).isEqualTo(joined);
        assertThat(joined.get(joined.size() - 1).get("verb").asString()).isEqualTo("conference");
        assertThat(music.get(0).get("url").asString()).isEqualTo("https://media.example.com/music/default.mp3");
        assertThat(music.get(0).get("loop").asString())
                .as("jambonz's endless loop; 0 would play it once")
                .isEqualTo("forever");
        assertThat(api.get("/calls/" + ours).text("number_dst")).isEqualTo(number);

        for (String event : List.of("start", "join", "start-talking", "stop-talking")) {
            assertThat(jambonz(
                                    "status",
                                    "{\"event\": \"" + event + "\", \"call_sid\": \"" + jambonzSid
                                            + "\", \"conference_sid\": \"c-1\", \"friendly_name\": \"room\", \"members\": 1,"
                                            + " \"time\": \"2026-12-02T09:00:05Z\"}")
                            .size())
                    .isZero();
        }
        assertThat(api.get("/calls/" + ours).text("state")).isEqualTo("joined");
        jambonz("status", "{\"event\": \"leave\", \"call_sid\": \"" + jambonzSid + "\", \"conference_sid\": \"c-1\"}");
        jambonz(
                "status",
                "{\"event\": \"end\", \"conference_sid\": \"c-1\", \"friendly_name\": \"room\", \"duration\": 5}");
        assertThat(api.get("/calls/" + ours).text("state")).isEqualTo("ended");
        assertThat(events(ours)).containsExactly("arrive", "access_code", "hang_up");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"trying", "ringing", "early-media", "in-progress", "completed", "failed", "busy", "no-answer"})
    void everyJambonzCallStatusIsAnsweredAndAnEndedOneHangsUp(String status) throws Exception {
        String number = securedNumber(false);
        String jambonzSid = jambonzSid();
        jambonz("call", callHook(jambonzSid, number));

        JsonNode answer = jambonz("status", """
                {"call_sid": "%s", "direction": "inbound", "from": "+14155550100", "to": "%s", "call_id": "7ade3efb",
                 "sip_status": 200, "sip_reason": "OK", "call_status": "%s", "account_sid": "300be250",
                 "trace_id": "654c5323d6f907233a1069136b8a330e", "local_sip_address": "10.0.150.88:5070"}""".formatted(jambonzSid, number, status));

        assertThat(answer.size()).isZero();
        boolean gone = List.of("completed", "failed", "busy", "no-answer").contains(status);
        assertThat(api.get("/calls/" + JambonzController.callSid(jambonzSid)).text("state"))
                .isEqualTo(gone ? "ended" : "prompting");
    }

    @Test
    void forgedReplayedAndUnsignedJambonzRequestsAreRefusedAndDecideNothing() throws Exception {
        String number = securedNumber(false);
        String jambonzSid = jambonzSid();
        String body = callHook(jambonzSid, number);
        long now = clock.instant().getEpochSecond();

        List<Answer> refused = List.of(
                jambonz("call", body, null),
                jambonz("call", body, jambonzSignature("another-secret", now, body)),
                jambonz("call", body, jambonzSignature(JAMBONZ_SECRET, now, body.replace(number, "+15550009999"))),
                jambonz("call", body, jambonzSignature(JAMBONZ_SECRET, now - 301, body)));

        assertThat(refused).extracting(Answer::status).containsOnly(403);
        assertThat(refused.get(3).body()).contains("replayed");
        assertThat(api.get("/calls/" + JambonzController.callSid(jambonzSid)).status())
                .isEqualTo(404);
    }

    /** The test's signer is jambonz's scheme: jambonz's own SDK accepts what it signs and refuses a forgery. */
    @Test
    void jambonzsOwnSdkAcceptsTheSignaturesAsTheServiceChecksThem() throws Exception {
        Path prefix = Path.of("target/jambonz/node-client");
        NodeTools.npmInstall(prefix, "@jambonz/node-client@0.4.11");
        String body = JSON.writeValueAsString(JSON.readTree(callHook(jambonzSid(), "+15550001000")));
        long now = java.time.Instant.now().getEpochSecond();
        Path cases = Path.of("target/jambonz/signatures");
        Files.createDirectories(cases);
        Path good = cases.resolve("signed.json");
        Path forged = cases.resolve("forged.json");
        Files.writeString(
                good,
                JSON.writeValueAsString(Map.of("header", jambonzSignature(JAMBONZ_SECRET, now, body), "body", body)));
        Files.writeString(
                forged,
                JSON.writeValueAsString(Map.of("header", jambonzSignature("another-secret", now, body), "body", body)));

        String report = NodeTools.run(List.of(
                "node",
                "src/test/node/verify-jambonz-signature.js",
                prefix.toString(),
                JAMBONZ_SECRET,
                good.toString(),
                forged.toString()));

        assertThat(report).contains("VALID signed.json").contains("INVALID forged.json");
    }
}
