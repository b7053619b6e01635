package com.callflowrules.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callflowrules.scenario.ScenarioClock;
import com.callflowrules.session.CallControl;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.NodeTools;
import com.callflowrules.support.ServiceTest;
import com.callflowrules.support.ServiceTestDoubles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of a call through the jambonz webhooks, as jambonz sends them (JSON call webhook,
 * the gather's action hook with {@code digits}, the conference's status hook), for every kind of
 * decision; every answer is then validated with jambonz's published JSON Schema, by
 * {@code @jambonz/schema}'s own {@code validate()} run under Node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ServiceTest
class JambonzWebhookTest {

    static final String ACCOUNT = ServiceTestDoubles.JAMBONZ_ACCOUNT;
    static final String API_KEY = ServiceTestDoubles.JAMBONZ_API_KEY;

    @Autowired
    ScenarioClock clock;

    /** jambonz's REST API, recording what the service asked of it. */
    @Autowired
    ServiceTestDoubles.JambonzApiStandIn jambonzApi;

    @Autowired
    CallControl control;

    /** The schema version the answers are validated against. */
    private static final String SCHEMA = "0.4.15";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUTH =
            "Basic " + Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));
    private static final Path ANSWERS = Path.of("target/jambonz/answers");
    private static final AtomicInteger NUMBERS = new AtomicInteger(3000);
    private static final AtomicInteger CALLS = new AtomicInteger();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Path> written = new ArrayList<>();

    private String number(String flow, String properties) {
        ApiClient api = new ApiClient(port);
        String account = api.post(
                        "/accounts",
                        "{\"name\": \"Acme\", \"call_flow_sid\": \"" + flow + "\", \"properties\": " + properties + "}")
                .text("account_sid");
        String number = "1555" + NUMBERS.incrementAndGet() + "000";
        api.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"" + number + "\"}");
        api.post(
                "/meeting_rooms",
                "{\"account_sid\": \"" + account
                        + "\", \"access_codes\": [{\"access_code\": \"1234\", \"role\": \"host\"},"
                        + " {\"access_code\": \"5678\", \"role\": \"participant\"}]}");
        return number;
    }

    /** Posts a hook as jambonz does and keeps the answer, named {@code kind}, for the schema check. */
    private JsonNode hook(String step, String body, String kind) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/conference/v2/jambonz/" + step))
                        .header("Authorization", AUTH)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Files.createDirectories(ANSWERS);
        Path file = ANSWERS.resolve(kind + ".json");
        Files.writeString(file, response.body());
        written.add(file);
        return JSON.readTree(response.body());
    }

    private static String arrival(String callSid, String number) {
        return "{\"call_sid\": \"" + callSid + "\", \"direction\": \"inbound\", \"from\": \"15559990000\", \"to\": \""
                + number + "\", \"call_status\": \"trying\"}";
    }

    private static String newCallSid() {
        return "0b0a6b1c-0000-4000-8000-" + String.format("%012d", CALLS.incrementAndGet());
    }

    private static List<String> verbs(JsonNode answer) {
        return answer.valueStream().map(v -> v.get("verb").asString()).toList();
    }

    @Test
    void aSecuredCallIsPromptedRepromptedJoinedAndLeaves() throws Exception {
        String number = number("secured", "{}");
        String callSid = newCallSid();

        JsonNode prompt = hook("call", arrival(callSid, number), "prompt");
        JsonNode reprompt = hook(
                "access_code",
                "{\"call_sid\": \"" + callSid + "\", \"digits\": \"99\", \"reason\": \"dtmfDetected\"}",
                "reprompt");
        JsonNode joined = hook(
                "access_code",
                "{\"call_sid\": \"" + callSid + "\", \"digits\": \"1234\", \"reason\": \"dtmfDetected\"}",
                "join");
        JsonNode left = hook(
                "status",
                "{\"call_sid\": \"" + callSid + "\", \"event\": \"leave\", \"conference_sid\": \"c1\"}",
                "status");

        assertThat(verbs(prompt)).containsExactly("gather");
        assertThat(prompt.get(0).get("input").get(0).asString()).isEqualTo("digits");
        assertThat(prompt.get(0).get("actionHook").asString()).isEqualTo("/conference/v2/jambonz/access_code?step=0");
        assertThat(prompt.get(0).get("timeout").asInt()).isEqualTo(5);
        // no media configured: jambonz's text-to-speech says the catalogue's texts
        assertThat(prompt.get(0).get("say").get("text").asString())
                .isEqualTo("Welcome. Please enter your access code, then press the pound key.");
        assertThat(reprompt.get(0).get("actionHook").asString()).isEqualTo("/conference/v2/jambonz/access_code?step=1");
        assertThat(reprompt.get(0).get("say").get("text").asString())
                .isEqualTo("That access code is not valid. Please try again.");
        assertThat(verbs(joined)).last().isEqualTo("conference");
        JsonNode conference = joined.get(joined.size() - 1);
        assertThat(conference.get("startConferenceOnEnter").asBoolean()).isTrue();
        assertThat(conference.get("joinMuted").asBoolean()).isFalse();
        assertThat(conference.get("statusHook").asString()).isEqualTo("/conference/v2/jambonz/status");
        assertThat(left.size()).isZero();
        ApiClient api = new ApiClient(port);
        String ours = JambonzController.callSid(callSid);
        assertThat(api.get("/calls/" + ours).text("state")).isEqualTo("ended");
        assertThat(api.get("/calls/" + ours + "/decisions").body().size())
                .as("every answer's decision is audited")
                .isEqualTo(4);
    }

    @Test
    void theStartWaitTimerEndsAWaitingCallerOnJambonzThroughItsRestApi() throws Exception {
        String lobby = number("secured", """
                {"conference_start_how": "host", "conference_start_wait": "30"}""");
        String waiter = newCallSid();
        hook("call", arrival(waiter, lobby), "prompt-timer");
        hook("access_code", "{\"call_sid\": \"" + waiter + "\", \"digits\": \"5678\"}", "wait-timer");
        String ours = JambonzController.callSid(waiter);
        assertThat(new ApiClient(port).get("/calls/" + ours).text("state")).isEqualTo("waiting");
        jambonzApi.requests.clear();

        clock.advance(Duration.ofSeconds(31));
        control.fireDueTimers();

        assertThat(new ApiClient(port).get("/calls/" + ours).text("end_reason")).isEqualTo("START_TIMEOUT");
        // the platform is told on a thread of its own, after the change is stored
        await().untilAsserted(() -> assertThat(jambonzApi.requests)
                .containsExactly("PUT /api/v1/Accounts/" + ACCOUNT + "/Calls/" + waiter + " Bearer " + API_KEY
                        + " {\"call_status\": \"completed\"}"));
    }

    @Test
    void aCallerTheServiceMutesIsMutedOnJambonzThroughItsRestApi() throws Exception {
        String number = number("secured", "{}");
        String callSid = newCallSid();
        hook("call", arrival(callSid, number), "prompt-mute");
        hook("access_code", "{\"call_sid\": \"" + callSid + "\", \"digits\": \"5678\"}", "join-mute");
        jambonzApi.requests.clear();

        new ApiClient(port).patch("/calls/" + JambonzController.callSid(callSid), """
                {"muted": true}""");

        await().untilAsserted(() -> assertThat(jambonzApi.requests)
                .containsExactly("PUT /api/v1/Accounts/" + ACCOUNT + "/Calls/" + callSid + " Bearer " + API_KEY
                        + " {\"conf_mute_status\": \"mute\"}"));
    }

    @Test
    void waitDirectDropAndDisconnectAnswers() throws Exception {
        String lobby = number("secured", """
                {"conference_start_how": "host"}""");
        String waiter = newCallSid();
        hook("call", arrival(waiter, lobby), "prompt-lobby");
        JsonNode waiting = hook("access_code", "{\"call_sid\": \"" + waiter + "\", \"digits\": \"5678\"}", "wait");

        JsonNode direct = hook("call", arrival(newCallSid(), number("direct_host", "{}")), "direct");
        JsonNode drop = hook("call", arrival(newCallSid(), "15550000002"), "drop");

        String strict = number("secured", """
                {"accesscode_max_attempts": "1"}""");
        String refused = newCallSid();
        hook("call", arrival(refused, strict), "prompt-strict");
        JsonNode goodbye =
                hook("access_code", "{\"call_sid\": \"" + refused + "\", \"reason\": \"timeout\"}", "disconnect");

        JsonNode music = hook("wait?music=lobby", "{\"call_sid\": \"" + waiter + "\"}", "wait-music");

        JsonNode waitConference = waiting.get(waiting.size() - 1);
        assertThat(waitConference.get("verb").asString()).isEqualTo("conference");
        assertThat(waitConference.get("startConferenceOnEnter").asBoolean()).isFalse();
        assertThat(waitConference.has("waitHook"))
                .as("no music configured: no wait hook")
                .isFalse();
        assertThat(verbs(direct)).last().isEqualTo("conference");
        assertThat(verbs(drop)).containsExactly("sip:decline");
        assertThat(drop.get(0).get("status").asInt()).isEqualTo(603);
        assertThat(verbs(goodbye)).containsExactly("say", "hangup");
        assertThat(music.size()).as("no music configured: silence").isZero();
    }

    @AfterAll
    void everyAnswerIsValidAgainstJambonzsPublishedSchema() throws Exception {
        assertThat(written).hasSizeGreaterThanOrEqualTo(10);
        Path prefix = Path.of("target/jambonz/schema");
        NodeTools.npmInstall(prefix, "@jambonz/schema@" + SCHEMA);
        List<String> validate =
                new ArrayList<>(List.of("node", "src/test/node/validate-jambonz.js", prefix.toString()));
        written.forEach(file -> validate.add(file.toString()));
        String report = NodeTools.run(validate);

        assertThat(report.lines().filter(line -> line.startsWith("OK ")).count())
                .as(report)
                .isEqualTo(written.size());
    }
}
