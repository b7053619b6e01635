package com.callflowrules.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.CallFlow;
import com.callflowrules.support.RulesCopy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rules and call-flow endpoints over real HTTP, on a scratch copy of the shipped rules. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulesApiTest {

    @TempDir
    static Path rulesDir;

    private static RulesCopy rules;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        rules = RulesCopy.of(rulesDir.resolve("rules"));
        registry.add("callflow.rules.directory", () -> rules.root().toString());
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:rules-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(String method, String path, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, "dev", "dev-password");
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void healthNeedsNoCredentials() throws Exception {
        HttpResponse<String> response = send("GET", "/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void everythingElseNeedsCredentialsAndSaysSoInJson() throws Exception {
        HttpResponse<String> none = send("GET", "/conference/v2/rules", null, null);
        HttpResponse<String> wrong = send("GET", "/conference/v2/rules", "dev", "guess");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(body(none).get("error").asString()).isEqualTo("unauthorized");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.body()).doesNotContain("Exception");
    }

    @Test
    void theRunningRuleBaseIsDescribedInSnakeCase() throws Exception {
        JsonNode ruleBase = body(get("/conference/v2/rules"));

        assertThat(ruleBase.get("version").asString()).matches("[0-9a-f]{12}");
        assertThat(ruleBase.has("loaded_at")).isTrue();
        assertThat(ruleBase.get("call_flows")).hasSize(6);
        assertThat(ruleBase.get("call_flows").get(0).get("call_flow_sid").asString())
                .isEqualTo(CallFlow.sidFor("direct_host"));
    }

    @Test
    void callFlowsAreListedInPagesAndReadBySidOrName() throws Exception {
        JsonNode page = body(get("/conference/v2/call_flows?limit=2&offset=1"));
        JsonNode bySid = body(get("/conference/v2/call_flows/" + CallFlow.sidFor("secured_webinar")));
        JsonNode byName = body(get("/conference/v2/call_flows/secured_webinar"));

        assertThat(page.get("total").asInt()).isEqualTo(6);
        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("direct_participant");
        assertThat(bySid.get("behaviour").get("entry").asString()).isEqualTo("prompt");
        assertThat(bySid.get("behaviour").get("unknown_code").asString()).isEqualTo("refuse");
        assertThat(bySid.get("properties").get("conference_mute_policy").asString())
                .isEqualTo("pl");
        assertThat(byName).isEqualTo(bySid);
    }

    @Test
    void badParametersUnknownSidsAndUnknownPathsGetClearErrors() throws Exception {
        HttpResponse<String> badLimit = get("/conference/v2/call_flows?limit=0");
        HttpResponse<String> notANumber = get("/conference/v2/call_flows?offset=abc");
        HttpResponse<String> unknownSid = get("/conference/v2/call_flows/no-such-flow");
        HttpResponse<String> unknownPath = get("/conference/v2/nothing-here");

        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(body(badLimit).get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(body(notANumber).get("errors").get(0).get("field").asString())
                .isEqualTo("offset");
        assertThat(unknownSid.statusCode()).isEqualTo(404);
        assertThat(body(unknownSid).get("message").asString()).isEqualTo("no call flow no-such-flow");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(body(unknownPath).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aRefusedReloadAnswers422WithEveryMessageAndKeepsTheRunningVersion() throws Exception {
        String running = body(get("/conference/v2/rules")).get("version").asString();
        String original = rules.read("call-flows/open.yaml");
        rules.write("call-flows/open.yaml", original + "properties:\n  conference_start_wait: soon\n");
        try {
            HttpResponse<String> validate = send("POST", "/conference/v2/rules/validate", "dev", "dev-password");
            HttpResponse<String> reload = send("POST", "/conference/v2/rules/reload", "dev", "dev-password");

            assertThat(validate.statusCode()).isEqualTo(422);
            assertThat(reload.statusCode()).isEqualTo(422);
            JsonNode error = body(reload);
            assertThat(error.get("error").asString()).isEqualTo("rule_base_refused");
            assertThat(error.get("errors").get(0).get("field").asString()).startsWith("call-flows/open.yaml:");
            assertThat(error.get("errors").get(0).get("message").asString()).contains("conference_start_wait");
            JsonNode rulesNow = body(get("/conference/v2/rules"));
            assertThat(rulesNow.get("version").asString()).isEqualTo(running);
            assertThat(rulesNow.get("last_build").get("clean").asBoolean())
                    .as("the refused build stays visible")
                    .isFalse();
            assertThat(rulesNow.get("last_build")
                            .get("messages")
                            .get(0)
                            .get("file")
                            .asString())
                    .isEqualTo("call-flows/open.yaml");
        } finally {
            rules.write("call-flows/open.yaml", original);
        }
        HttpResponse<String> reload = send("POST", "/conference/v2/rules/reload", "dev", "dev-password");
        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(body(reload).get("version").asString()).isEqualTo(running);
        assertThat(body(get("/conference/v2/rules"))
                        .get("last_build")
                        .get("clean")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void rollbackReturnsToThePreviousVersionAndSays409WhenThereIsNone() throws Exception {
        String first = body(get("/conference/v2/rules")).get("version").asString();
        String original = rules.read("call-flows/direct_host.yaml");
        rules.write("call-flows/direct_host.yaml", original + "# edited\n");
        try {
            String second = body(send("POST", "/conference/v2/rules/reload", "dev", "dev-password"))
                    .get("version")
                    .asString();
            assertThat(second).isNotEqualTo(first);
            assertThat(body(get("/conference/v2/rules")).get("versions").findValuesAsString("version"))
                    .startsWith(second, first);

            HttpResponse<String> rolledBack = send("POST", "/conference/v2/rules/rollback", "dev", "dev-password");
            assertThat(body(rolledBack).get("version").asString()).isEqualTo(first);
            assertThat(body(get("/conference/v2/rules")).get("version").asString())
                    .isEqualTo(first);

            // each rollback steps one publish further back (other tests of this context published
            // too, by reloading), until the first release of the store is left: then 409
            HttpResponse<String> nothingLeft = rolledBack;
            for (int publishes = 0; nothingLeft.statusCode() == 200 && publishes < 50; publishes++) {
                nothingLeft = send("POST", "/conference/v2/rules/rollback", "dev", "dev-password");
            }
            assertThat(nothingLeft.statusCode()).isEqualTo(409);
            assertThat(body(nothingLeft).get("message").asString())
                    .contains("no earlier published release to roll back to");
        } finally {
            rules.write("call-flows/direct_host.yaml", original);
            // the next test finds the files on disk running, as it would after a start
            assertThat(send("POST", "/conference/v2/rules/reload", "dev", "dev-password")
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
