package com.callflowrules.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Over real HTTP, with the shipped rules changed so an unknown key in the meeting prompts for an
 * access code: the life of a call has no such move, so call control carries the decision out as
 * {@code RULES_FAILED}, audits that, and never puts a joined call back at the prompt.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:off-the-table;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "callflow.timers.enabled=false",
            "callflow.rules.watch=false"
        })
class OffTheTableDecisionTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        // The shipped in-call rules, but an unknown key in the meeting prompts for an access code.
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        String inCall = rules.read("in-call.drl");
        String ignored = "insert(Verdict.of(Action.IGNORE, Reason.UNKNOWN_BINDING));";
        assertThat(inCall).contains(ignored);
        rules.write("in-call.drl", inCall.replace(ignored, "insert(Verdict.of(Action.PROMPT_ACCESS_CODE));"));
        registry.add("callflow.rules.directory", () -> rules.root().toString());
    }

    @LocalServerPort
    int port;

    @Test
    void aJoinedCallTheRulesSendBackToThePromptIsDisconnectedAsRulesFailed() {
        ApiClient api = new ApiClient(port);
        String account = api.post("/accounts", """
                {"name": "Acme", "call_flow_sid": "secured"}""").text("account_sid");
        String number = "1555%06d2".formatted(System.nanoTime() % 1_000_000);
        assertThat(api.post("/dids", """
                {"account_sid": "%s", "phonenumber": "%s"}""".formatted(account, number)).status()).isEqualTo(201);
        api.post("/meeting_rooms", """
                {"account_sid": "%s", "access_codes": [{"access_code": "1234", "role": "host"}]}""".formatted(account));
        String call = api.post("/calls", "{\"number_dst\": \"" + number + "\"}")
                .body()
                .get("call")
                .get("call_sid")
                .asString();
        Answer joined = api.post("/calls/" + call + "/access_code", """
                {"access_code": "1234"}""");
        assertThat(joined.body().get("decision").get("action").asString())
                .as(joined.raw())
                .isEqualTo("JOIN");

        Answer pressed = api.post("/calls/" + call + "/dtmf", """
                {"digits": "#7"}""");

        assertThat(pressed.status()).as(pressed.raw()).isEqualTo(200);
        assertThat(pressed.body().get("decision").get("action").asString()).isEqualTo("DISCONNECT");
        assertThat(pressed.body().get("decision").get("reason").asString()).isEqualTo("RULES_FAILED");
        assertThat(pressed.body().get("call").get("state").asString()).isEqualTo("ended");
        assertThat(pressed.body().get("call").get("date_joined").isNull()).isFalse();
        Answer audit = api.get("/calls/" + call + "/decisions");
        var last = audit.body().get(audit.body().size() - 1);
        assertThat(last.get("decision").get("reason").asString()).isEqualTo("RULES_FAILED");
        assertThat(last.get("decision").get("rules_fired").toString()).contains("in-call: no binding matches");
    }
}
