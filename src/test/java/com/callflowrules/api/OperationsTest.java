package com.callflowrules.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.callflowrules.session.CallControl;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health with the rules component, decision and reload metrics, and structured logs with the call sid. */
@ServiceTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Test
    void healthShowsTheRulesComponentToAuthenticatedCallersOnly() throws Exception {
        ApiClient root = new ApiClient(port, "");
        String version = new ApiClient(port).get("/rules").text("version");

        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode authenticated = root.get("/actuator/health").body();

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(anonymous.body()).has("components"))
                .isFalse();
        assertThat(authenticated.get("status").asString()).isEqualTo("UP");
        JsonNode rules = authenticated.get("components").get("rules");
        assertThat(rules.get("details").get("version").asString()).isEqualTo(version);
        assertThat(rules.get("details").get("last_build_clean").asBoolean()).isTrue();
    }

    @Test
    void decisionsAndReloadsAreCounted() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger log = (Logger) LoggerFactory.getLogger(CallControl.class);
        Level level = log.getLevel();
        log.setLevel(Level.DEBUG);
        log.addAppender(logs);
        try {
            countsAndLogs(logs);
        } finally {
            log.detachAppender(logs);
            log.setLevel(level);
        }
    }

    private void countsAndLogs(ListAppender<ILoggingEvent> logs) {
        ApiClient api = new ApiClient(port);
        ApiClient root = new ApiClient(port, "");
        Answer dropped = api.post("/calls", """
                {"number_dst": "19990001111"}""");
        api.post("/rules/reload", null);

        Answer decisions = root.get("/actuator/metrics/callflow.decisions?tag=action:DROP&tag=reason:UNKNOWN_NUMBER");
        Answer latency = root.get("/actuator/metrics/callflow.decision.latency?tag=event:CallArrived");
        Answer reloads = root.get("/actuator/metrics/callflow.rules.reloads?tag=result:clean");

        assertThat(decisions.status()).as(decisions.raw()).isEqualTo(200);
        assertThat(decisions.body().get("measurements").get(0).get("value").asDouble())
                .isGreaterThanOrEqualTo(1);
        assertThat(latency.status()).isEqualTo(200);
        assertThat(reloads.body().get("measurements").get(0).get("value").asDouble())
                .isGreaterThanOrEqualTo(1);
        String callSid = dropped.body().get("call").get("call_sid").asString();
        // the logging context carries the call sid; structured (ECS) logs write it as a field
        assertThat(logs.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).startsWith("arrive: DROP UNKNOWN_NUMBER");
            assertThat(event.getMDCPropertyMap()).containsEntry(CallControl.CALL_SID, callSid);
        });
    }
}
