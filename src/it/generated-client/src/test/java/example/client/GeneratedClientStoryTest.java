package example.client;

import static org.assertj.core.api.Assertions.assertThat;

import example.client.api.AccountsApi;
import example.client.api.CallsApi;
import example.client.api.DecisionsApi;
import example.client.api.DidsApi;
import example.client.api.MeetingRoomsApi;
import example.client.model.AccessCode;
import example.client.model.AccessCodeEntry;
import example.client.model.Account;
import example.client.model.AccountFields;
import example.client.model.AuditEntry;
import example.client.model.Call;
import example.client.model.CallAnswer;
import example.client.model.CallArrival;
import example.client.model.Decision;
import example.client.model.DidFields;
import example.client.model.DtmfEntry;
import example.client.model.MeetingRoomFields;
import example.client.model.WhatIf;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client OpenAPI Generator made from the service's description, unedited, drives a whole
 * call story against the executable jar: the hierarchy is created, a call arrives, a wrong code
 * and the right one are entered, keys are pressed, the what-if is asked, the audit is read and
 * the caller hangs up.
 */
class GeneratedClientStoryTest {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));
    private static Process service;
    private static ApiClient client;

    @BeforeAll
    static void startTheService() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        service = new ProcessBuilder(java.toString(), "-jar", System.getProperty("service.jar"),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:generated-client;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--callflow.rules.directory=" + System.getProperty("rules.directory"), "--callflow.rules.watch=false")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "service.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .header("Authorization", AUTH).build();
        while (true) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (Instant.now().isAfter(deadline) || !service.isAlive()) {
                throw new IllegalStateException("the service did not come up; see target/service.log");
            }
            Thread.sleep(500);
        }
        client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", AUTH));
    }

    @AfterAll
    static void stopTheService() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
    }

    @Test
    void aWholeCallStoryThroughTheGeneratedClient() throws Exception {
        AccountsApi accounts = new AccountsApi(client);
        DidsApi dids = new DidsApi(client);
        MeetingRoomsApi rooms = new MeetingRoomsApi(client);
        CallsApi calls = new CallsApi(client);
        DecisionsApi decisions = new DecisionsApi(client);

        Account account = accounts.createAccount(new AccountFields().name("Acme").callFlowSid("secured"));
        dids.createDid(new DidFields().accountSid(account.getAccountSid()).phonenumber("15550001000"));
        rooms.createMeetingRoom(new MeetingRoomFields().accountSid(account.getAccountSid()).name("Weekly")
                .accessCodes(List.of(new AccessCode().accessCode("1234").role(AccessCode.RoleEnum.HOST))));

        CallAnswer arrived = calls.arriveCall(new CallArrival().numberDst("15550001000").numberSrc("15559990000"));
        String sid = arrived.getCall().getCallSid();
        CallAnswer wrong = calls.enterAccessCode(sid, new AccessCodeEntry().accessCode("0000"));
        CallAnswer joined = calls.enterAccessCode(sid, new AccessCodeEntry().accessCode("1234"));
        CallAnswer locked = calls.pressKeys(sid, new DtmfEntry().digits("*7"));
        Decision whatIf = decisions.decideWhatIf(new WhatIf().numberDst("15550001000").numberSrc("15559990001").accessCode("1234"));
        CallAnswer hungUp = calls.hangUpCall(sid);
        List<AuditEntry> audit = calls.listCallDecisions(sid);
        Call ended = calls.getCall(sid);

        assertThat(arrived.getDecision().getAction()).isEqualTo(Decision.ActionEnum.PROMPT_ACCESS_CODE);
        assertThat(arrived.getDecision().getReason()).isNull();
        assertThat(wrong.getDecision().getAction()).isEqualTo(Decision.ActionEnum.REPROMPT_ACCESS_CODE);
        assertThat(wrong.getDecision().getAttemptsLeft()).isEqualTo(2);
        assertThat(joined.getDecision().getAction()).isEqualTo(Decision.ActionEnum.JOIN);
        assertThat(joined.getCall().getRole()).isEqualTo(Call.RoleEnum.HOST);
        assertThat(locked.getDecision().getInCallAction()).isEqualTo("conference_lock");
        assertThat(whatIf.getAction()).isEqualTo(Decision.ActionEnum.JOIN);
        assertThat(hungUp.getDecision().getAction()).isEqualTo(Decision.ActionEnum.LEFT);
        assertThat(audit).extracting(AuditEntry::getEvent).containsExactly("arrive", "access_code", "access_code", "dtmf", "hang_up");
        assertThat(audit.get(2).getDecision().getAction()).isEqualTo(Decision.ActionEnum.JOIN);
        assertThat(ended.getState()).isEqualTo(Call.StateEnum.ENDED);
    }

    @Test
    void anErrorAnswerComesBackAsTheDescribedErrorBody() {
        AccountsApi accounts = new AccountsApi(client);

        ApiException missing = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> accounts.getAccount("no-such-account"));

        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(missing.getResponseBody()).contains("\"error\":\"not_found\"");
    }
}
