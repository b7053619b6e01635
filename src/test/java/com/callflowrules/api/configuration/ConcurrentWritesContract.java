package com.callflowrules.api.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.properties.PropertySchema;
import com.callflowrules.support.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Concurrent writes of one object lose nothing that was acknowledged: each PATCH reads, merges
 * and writes under the object's row lock; a client that wants to can make its write conditional
 * ({@code ETag} / {@code If-Match}). Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ConcurrentWritesContract {

    @LocalServerPort
    int port;

    /** Runs {@code tasks} all at once (released together) and returns their answers. */
    private static List<ApiClient.Answer> atOnce(List<Callable<ApiClient.Answer>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiClient.Answer>> futures = new ArrayList<>();
            for (Callable<ApiClient.Answer> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<ApiClient.Answer> answers = new ArrayList<>();
            for (Future<ApiClient.Answer> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyConcurrentPatchesOfOneAccountKeepEveryKey() throws Exception {
        ApiClient api = new ApiClient(port);
        String account = api.post("/accounts", """
                {"name": "Acme"}""").text("account_sid");
        List<Map.Entry<String, String>> properties = PropertySchema.standard().baseValues().entrySet().stream()
                .limit(20)
                .toList();
        assertThat(properties).hasSize(20);

        List<ApiClient.Answer> answers = atOnce(properties.stream()
                .<Callable<ApiClient.Answer>>map(p -> () -> new ApiClient(port)
                        .patch(
                                "/accounts/" + account,
                                "{\"properties\": {\"" + p.getKey() + "\": \"" + p.getValue() + "\"}}"))
                .toList());

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.raw()).isEqualTo(200));
        var stored = api.get("/accounts/" + account).body().get("properties");
        assertThat(properties)
                .allSatisfy(p -> assertThat(stored.get(p.getKey()).asString()).isEqualTo(p.getValue()));
    }

    @Test
    void aRoomsCodeChangeSurvivesAConcurrentRenameAndPropertyChange() throws Exception {
        ApiClient api = new ApiClient(port);
        String account = api.post("/accounts", """
                {"name": "Acme"}""").text("account_sid");
        for (int round = 0; round < 10; round++) {
            String room = api.post(
                            "/meeting_rooms",
                            "{\"account_sid\": \"" + account + "\", \"name\": \"old\", "
                                    + "\"access_codes\": [{\"access_code\": \"" + (1000 + round)
                                    + "\", \"role\": \"host\"}]}")
                    .text("meeting_room_sid");
            String revoked = "[{\"access_code\": \"" + (5000 + round) + "\", \"role\": \"host\"}]";

            List<ApiClient.Answer> answers = atOnce(List.of(
                    () -> new ApiClient(port).patch("/meeting_rooms/" + room, "{\"access_codes\": " + revoked + "}"),
                    () -> new ApiClient(port).patch("/meeting_rooms/" + room, """
                            {"name": "new"}"""),
                    () -> new ApiClient(port).patch("/meeting_rooms/" + room, """
                                    {"properties": {"did_language": "de_DE"}}""")));

            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.status()).as(a.raw()).isEqualTo(200));
            var stored = api.get("/meeting_rooms/" + room).body();
            assertThat(stored.get("access_codes").findValuesAsString("access_code"))
                    .as("round %d", round)
                    .containsExactly(String.valueOf(5000 + round));
            assertThat(stored.get("name").asString()).isEqualTo("new");
            assertThat(stored.get("properties").get("did_language").asString()).isEqualTo("de_DE");
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/conference/v2" + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aConditionalWriteWithAStaleTagIsRefusedAndChangesNothing() throws Exception {
        String account = new ApiClient(port).post("/accounts", """
                        {"name": "Acme"}""").text("account_sid");
        String first = send("GET", "/accounts/" + account, null, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();

        HttpResponse<String> renamed = send("PATCH", "/accounts/" + account, """
                {"name": "Acme 2"}""", first);
        String second = renamed.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> stale = send("PATCH", "/accounts/" + account, """
                {"name": "Lost"}""", first);
        HttpResponse<String> current = send("GET", "/accounts/" + account, null, null);

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(stale.body()).contains("precondition_failed");
        assertThat(current.body()).contains("\"name\":\"Acme 2\"");
        assertThat(current.headers().firstValue("ETag")).contains(second);
        assertThat(send("PATCH", "/accounts/" + account, """
                {"name": "Acme 3"}""", second).statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/accounts/" + account, """
                {"name": "Acme 4"}""", "*").statusCode()).isEqualTo(200);
    }
}
