package com.callflowrules.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.LoopingRule;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Over real HTTP: a decision that goes past its bounds disconnects the call with RULES_FAILED
 * (audited, counted with the rule base version and the last rule fired) instead of failing the
 * request; a keypad entry that is no access code is a refused attempt, never a store error; and
 * a write that puts two bindings of one object on the same keys is refused naming both.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:rule-failures;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "callflow.timers.enabled=false",
            "callflow.rules.watch=false",
            "callflow.decisions.max-rules-fired=500"
        })
class RuleFailuresApiTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        // Pressing any key starts a rule that updates its own fact forever; arrivals are unharmed.
        RulesCopy rules = RulesCopy.of(dir.resolve("rules")).write("extra/loop.drl", LoopingRule.ON_KEY_PRESS);
        registry.add("callflow.rules.directory", () -> rules.root().toString());
    }

    @LocalServerPort
    int port;

    private ApiClient api;
    private String number;
    private String room;

    @BeforeEach
    void hierarchy() {
        api = new ApiClient(port);
        String account = api.post("/accounts", """
                {"name": "Acme", "call_flow_sid": "secured"}""").text("account_sid");
        number = "1555%06d1".formatted(System.nanoTime() % 1_000_000);
        assertThat(api.post("/dids", """
                {"account_sid": "%s", "phonenumber": "%s"}""".formatted(account, number)).status()).isEqualTo(201);
        room = api.post("/meeting_rooms", """
                {"account_sid": "%s", "access_codes": [{"access_code": "1234", "role": "host"}]}""".formatted(account)).text("meeting_room_sid");
    }

    private String arrive() {
        Answer arrived = api.post("/calls", "{\"number_dst\": \"" + number + "\"}");
        assertThat(arrived.status()).as(arrived.raw()).isEqualTo(201);
        return arrived.body().get("call").get("call_sid").asString();
    }

    @Test
    void aDecisionPastItsBoundsDisconnectsTheCallWithRulesFailed() {
        String call = arrive();
        assertThat(api.post("/calls/" + call + "/access_code", """
                {"access_code": "1234"}""")
                        .body()
                        .get("decision")
                        .get("action")
                        .asString())
                .isEqualTo("JOIN");

        Answer pressed = api.post("/calls/" + call + "/dtmf", """
                {"digits": "*6"}""");

        assertThat(pressed.status()).as(pressed.raw()).isEqualTo(200);
        assertThat(pressed.body().get("decision").get("action").asString()).isEqualTo("DISCONNECT");
        assertThat(pressed.body().get("decision").get("reason").asString()).isEqualTo("RULES_FAILED");
        assertThat(pressed.body().get("call").get("state").asString()).isEqualTo("ended");
        assertThat(pressed.body().get("call").get("end_reason").asString()).isEqualTo("RULES_FAILED");
        Answer audit = api.get("/calls/" + call + "/decisions");
        var last = audit.body().get(audit.body().size() - 1);
        assertThat(last.get("decision").get("reason").asString()).isEqualTo("RULES_FAILED");
        assertThat(last.get("decision").get("rules_fired").toString()).contains("loop: count forever");
        Answer metric = new ApiClient(port, "")
                .get("/actuator/metrics/callflow.decision.failures?tag=kind:bound_exceeded"
                        + "&tag=last_rule:loop:%20count%20forever");
        assertThat(metric.status()).as(metric.raw()).isEqualTo(200);
        assertThat(metric.body().get("measurements").get(0).get("value").asDouble())
                .isGreaterThanOrEqualTo(1.0);
        // the call ended: a later hang-up is answered as such, not failed
        Answer hangUp = api.delete("/calls/" + call);
        assertThat(hangUp.status()).as(hangUp.raw()).isEqualTo(409);
    }

    @Test
    void entriesThatAreNoAccessCodeAreRefusedAttempts() {
        String call = arrive();

        Answer tooLong = api.post("/calls/" + call + "/access_code", """
                {"access_code": "12345678901234567"}""");
        Answer letters = api.post("/calls/" + call + "/access_code", """
                {"access_code": "ABC"}""");
        Answer star = api.post("/calls/" + call + "/access_code", """
                {"access_code": "12*4"}""");

        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(200);
        assertThat(tooLong.body().get("decision").get("action").asString()).isEqualTo("REPROMPT_ACCESS_CODE");
        assertThat(tooLong.body().get("call").get("access_code").isNull()).isTrue();
        assertThat(letters.body().get("decision").get("action").asString()).isEqualTo("REPROMPT_ACCESS_CODE");
        assertThat(star.status()).isEqualTo(200);
        assertThat(star.body().get("decision").get("reason").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        Answer notAKeypad = api.post("/calls/" + arrive() + "/access_code", """
                {"access_code": "12\\u0000"}""");
        assertThat(notAKeypad.status()).isEqualTo(422);
        assertThat(notAKeypad.raw()).contains("access_code");
    }

    @Test
    void twoBindingsOfOneObjectOnTheSameKeysAreRefused() {
        Answer both = api.patch("/meeting_rooms/" + room, """
                {"properties": {"conference_lock_dtmf_binding": "*6", "call_mute_dtmf_binding": "*6"}}""");

        assertThat(both.status()).as(both.raw()).isEqualTo(422);
        assertThat(both.body().get("errors").findValuesAsString("field"))
                .containsExactly("properties.conference_lock_dtmf_binding");
        assertThat(both.raw()).contains("call_mute_dtmf_binding");

        assertThat(api.patch("/meeting_rooms/" + room, """
                {"properties": {"call_mute_dtmf_binding": "*1"}}""").status()).isEqualTo(200);
        Answer second = api.patch("/meeting_rooms/" + room, """
                        {"properties": {"conference_lock_dtmf_binding": "*1"}}""");
        assertThat(second.status()).as(second.raw()).isEqualTo(422);
        assertThat(second.raw()).contains("call_mute_dtmf_binding").contains("conference_lock_dtmf_binding");
        assertThat(api.get("/meeting_rooms/" + room).body().get("properties").toString())
                .contains("\"call_mute_dtmf_binding\":\"*1\"")
                .doesNotContain("conference_lock_dtmf_binding");
    }
}
