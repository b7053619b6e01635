package com.callflowrules;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application started with {@code java -jar}, as in production: Drools must find its
 * parts inside the fat jar, the rules load from disk, and the embedded database keeps its data in
 * a file under the working directory. The tests follow one installation's life in order (start
 * and decide, a SIGTERM under load, a restart that finds the data, a {@code kill -9} under load
 * and the restart after it), so the service starts three times rather than once or twice per
 * test: each cold start compiles the rules again, and starts were most of this class's time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutableJarIT {

    @TempDir
    static Path workingDirectory;

    private Path jar;
    private int port;
    /** The running service, when one is. */
    private Process service;
    /** The account the first start created, which every later start must still have. */
    private String account;

    @BeforeAll
    void jar() throws IOException {
        jar = executableJar();
        port = freePort();
    }

    @AfterAll
    void stopTheService() throws InterruptedException {
        if (service != null) {
            stop(service);
        }
    }

    @Test
    @Order(1)
    void theJarStartsAndDecides() throws Exception {
        service = start(jar, port);
        awaitHealthy(port, service);
        ApiClient api = new ApiClient(port);
        account = api.post("/accounts", """
                {"name": "Jar"}""").text("account_sid");
        api.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"15550404040\"}");
        Answer call = api.post("/calls", """
                {"number_dst": "15550404040", "number_src": "1"}""");
        assertThat(call.status()).as(call.raw()).isEqualTo(201);
        assertThat(call.body().get("decision").get("action").asString()).isEqualTo("PROMPT_ACCESS_CODE");
        assertThat(call.body().get("decision").get("rules_fired").size()).isGreaterThan(3);
        assertThat(workingDirectory.resolve("data")).isDirectory();
    }

    /**
     * SIGTERM while calls arrive: the server stops taking requests, drains the ones in flight,
     * and only then closes the embedded database. No request is answered 500 (before, H2's own
     * shutdown hook closed the database under draining requests).
     */
    @Test
    @Order(2)
    void aShutdownUnderLoadAnswersNoRequestWith500() throws Exception {
        Process process = running();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            ApiClient api = new ApiClient(port);
            String account = api.post("/accounts", """
                    {"name": "Drain", "call_flow_sid": "secured"}""").text("account_sid");
            assertThat(api.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"15550505050\"}")
                            .status())
                    .isEqualTo(201);
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Instant until = Instant.now().plus(Duration.ofSeconds(40));
            for (int i = 0; i < 8; i++) {
                callers.submit(() -> {
                    ApiClient caller = new ApiClient(port);
                    while (running.get() && Instant.now().isBefore(until)) {
                        try {
                            int status = caller.post("/calls", """
                                    {"number_dst": "15550505050"}""").status();
                            statuses.computeIfAbsent(status, s -> new AtomicInteger())
                                    .incrementAndGet();
                        } catch (RuntimeException refused) {
                            // the server no longer takes connections: expected once it stops
                            statuses.computeIfAbsent(-1, s -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(2_000);
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped within 60 s")
                    .isTrue();
            running.set(false);
            callers.shutdown();
            assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(statuses.getOrDefault(201, new AtomicInteger()).get())
                    .as("%s", statuses)
                    .isPositive();
            assertThat(statuses.keySet())
                    .as("%s", statuses)
                    .allMatch(status -> status == 201 || status == 503 || status == -1);
        } finally {
            callers.shutdownNow();
            stop(process);
            service = null;
        }
    }

    @Test
    @Order(3)
    void aRestartFindsTheDataOfTheRunBefore() throws Exception {
        service = start(jar, port);
        awaitHealthy(port, service);

        assertThat(new ApiClient(port).get("/accounts/" + account).status()).isEqualTo(200);
    }

    /**
     * {@code kill -9} during a bounded load, then a restart on the same embedded store: every call
     * whose creation was answered 201, and every room created on the fly and meeting started by
     * an answered code entry, is still there. The store must not acknowledge before its write is
     * out of the process.
     */
    @Test
    @Order(4)
    void everyAcknowledgedChangeSurvivesAKill9() throws Exception {
        Process process = running();
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String[]> joins = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            ApiClient api = new ApiClient(port);
            String account = api.post("/accounts", """
                    {"name": "Durable", "call_flow_sid": "secured"}""").text("account_sid");
            assertThat(api.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"15550606060\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.post(
                                    "/dids",
                                    "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"15550606061\", "
                                            + "\"call_flow_sid\": \"open\"}")
                            .status())
                    .isEqualTo(201);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger codes = new AtomicInteger(100_000);
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            for (int i = 0; i < 4; i++) {
                boolean opening = i % 2 == 1;
                callers.submit(() -> {
                    ApiClient caller = new ApiClient(port);
                    while (running.get() && Instant.now().isBefore(until)) {
                        try {
                            Answer call = caller.post(
                                    "/calls",
                                    "{\"number_dst\": \"" + (opening ? "15550606061" : "15550606060") + "\"}");
                            if (call.status() != 201) {
                                continue;
                            }
                            String sid = call.body().get("call").get("call_sid").asString();
                            calls.add(sid);
                            if (opening) {
                                // a new code: the open flow creates a room and starts its meeting
                                Answer joined = caller.post(
                                        "/calls/" + sid + "/access_code",
                                        "{\"access_code\": \"" + codes.incrementAndGet() + "\"}");
                                if (joined.status() == 200) {
                                    joins.add(new String[] {
                                        sid,
                                        joined.body()
                                                .get("call")
                                                .get("meeting_room_sid")
                                                .asString(),
                                        joined.body()
                                                .get("call")
                                                .get("meeting_sid")
                                                .asString()
                                    });
                                }
                            }
                        } catch (RuntimeException killed) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(3_000);
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            running.set(false);
            callers.shutdown();
            assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            callers.shutdownNow();
            stop(process);
            service = null;
        }
        assertThat(calls).hasSizeGreaterThan(20);
        assertThat(joins).isNotEmpty();

        Process restarted = start(jar, port);
        service = restarted;
        try {
            awaitHealthy(port, restarted);
            ApiClient api = new ApiClient(port);
            List<String> lostCalls = calls.stream()
                    .filter(sid -> api.get("/calls/" + sid).status() != 200)
                    .toList();
            List<String> lostJoins = joins.stream()
                    .filter(j -> {
                        Answer call = api.get("/calls/" + j[0]);
                        return call.status() != 200
                                || !"joined".equals(call.body().get("state").asString())
                                || api.get("/meeting_rooms/" + j[1]).status() != 200
                                || api.get("/meetings/" + j[2]).status() != 200;
                    })
                    .map(j -> j[0])
                    .toList();
            assertThat(lostCalls).as("of %d acknowledged calls", calls.size()).isEmpty();
            assertThat(lostJoins)
                    .as("of %d acknowledged joins with a new room", joins.size())
                    .isEmpty();
        } finally {
            stop(restarted);
            service = null;
        }
    }

    @Test
    @Order(5)
    void theJarRunsTheScenarioCommandLine() throws Exception {
        Path rules = Path.of("rules").toAbsolutePath();
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        executableJar().toString(),
                        "scenarios",
                        "run",
                        "--rules",
                        rules.toString())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        long scenarios;
        try (Stream<Path> files = Files.walk(rules.resolve("scenarios"))) {
            scenarios = files.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        assertThat(output.strip().lines().toList()).as(output).endsWith(scenarios + " passed, 0 failed");
    }

    /** The service the test before left running. */
    private Process running() {
        assertThat(service).as("the service the test before started").isNotNull();
        assertThat(service.isAlive())
                .as("the service is running; see " + workingDirectory)
                .isTrue();
        return service;
    }

    private Process start(Path jar, int port) throws IOException {
        Path rules = Path.of("rules").toAbsolutePath();
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // C1 only: a cold start (most of it compiling the rules) takes about a
                        // quarter less, and nothing here measures speed.
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--callflow.rules.directory=" + rules)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workingDirectory
                        .resolve("app-" + Instant.now().toEpochMilli() + ".log")
                        .toFile())
                .start();
    }

    private void awaitHealthy(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive())
                    .as("the application exited; see " + workingDirectory)
                    .isTrue();
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not become healthy within 120 s");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Path executableJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("callflow-rules-.*-exec\\.jar"))
                    .toList();
            assertThat(jars).as("the executable jar (run through mvn verify)").hasSize(1);
            return jars.get(0).toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
