package com.callflowrules.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.ServiceTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Input no client should send gets the product's JSON error naming the problem, with no store
 * or class detail, and changes nothing: text a store cannot keep, unknown fields at any depth,
 * duplicate keys, references longer than any sid, filters an operation does not take, bodies
 * over the size limit (declared or streamed).
 */
@ServiceTest
class HostileRequestsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private String account;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        account = api.post("/accounts", """
                {"name": "Acme"}""").text("account_sid");
    }

    private int accounts() {
        return api.get("/accounts").body().get("total").asInt();
    }

    private static void noInternals(Answer answer) {
        assertThat(answer.raw())
                .doesNotContainIgnoringCase("select")
                .doesNotContainIgnoringCase("insert ")
                .doesNotContain("Exception")
                .doesNotContain("org.")
                .doesNotContain("<html");
    }

    @Test
    void textNoStoreCanKeepIsRefused() {
        int before = accounts();
        for (String name : new String[] {"Ac\\u0000me", "Ac\\r\\nme", "Ac\\ud800me"}) {
            Answer answer = api.post("/accounts", "{\"name\": \"" + name + "\"}");
            assertThat(answer.status()).as(name).isEqualTo(422);
            assertThat(answer.body().get("errors").findValuesAsString("field"))
                    .as(name)
                    .containsExactly("name");
            noInternals(answer);
        }
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldInsideAnAccessCodeIsRefused() {
        Answer answer = api.post(
                "/meeting_rooms",
                "{\"account_sid\": \"" + account + "\", "
                        + "\"access_codes\": [{\"access_code\": \"12\", \"role\": \"host\", \"colour\": \"red\"}]}");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
        assertThat(answer.body().get("errors").findValuesAsString("field")).containsExactly("access_codes[0].colour");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        int before = accounts();
        Answer answer = api.post("/accounts", """
                {"name": "One", "name": "Two"}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("message").asString()).contains("a key appears twice");
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void aReferenceLongerThanAnySidIsRefusedWithoutStoreDetail() {
        Answer answer = api.post(
                "/dids",
                "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"15550707070\", " + "\"did_group_sid\": \""
                        + "x".repeat(37) + "\"}");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
        assertThat(answer.body().get("errors").findValuesAsString("field")).containsExactly("did_group_sid");
        noInternals(answer);
    }

    @Test
    void aFilterTheOperationDoesNotTakeIsRefused() {
        Answer accounts = api.get("/accounts?account_sid=" + account);
        Answer dids = api.get("/dids?account_sid=" + account);

        assertThat(accounts.status()).isEqualTo(400);
        assertThat(accounts.body().get("errors").findValuesAsString("field")).containsExactly("account_sid");
        assertThat(accounts.body().get("message").asString()).contains("is not a parameter of this operation");
        assertThat(dids.status()).isEqualTo(200);
    }

    @Test
    void aMultipartBodyIsAnUnsupportedMediaType() {
        Answer answer = api.send(
                "POST",
                "/accounts",
                "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nA",
                "multipart/form-data; boundary=x");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(415);
        assertThat(answer.body().get("error").asString()).isEqualTo("unsupported_media_type");
    }

    @Test
    void aWriteThatCannotGetItsRowLockIsBusyAndChangesNothing() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT account_sid FROM accounts WHERE account_sid = ? FOR UPDATE")
                    .param(account)
                    .query(String.class)
                    .single();
            locked.countDown();
            try {
                done.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Answer answer = api.patch("/accounts/" + account, """
                    {"name": "Renamed"}""");

            assertThat(answer.status()).as(answer.raw()).isEqualTo(503);
            assertThat(answer.body().get("error").asString()).isEqualTo("busy");
            noInternals(answer);
        } finally {
            done.countDown();
            holder.join(20_000);
        }
        assertThat(api.get("/accounts/" + account).body().get("name").asString())
                .isEqualTo("Acme");
    }

    @Test
    void aBodyOverTheLimitIsRefusedDeclaredOrStreamed() throws Exception {
        int before = accounts();
        String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpClient http = HttpClient.newHttpClient();
        String auth =
                "Basic " + Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://localhost:" + port + "/conference/v2/accounts");

        HttpResponse<String> declared = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(huge))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> streamed = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("payload_too_large");
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
        assertThat(streamed.body()).contains("payload_too_large");
        assertThat(accounts()).isEqualTo(before);
    }
}
