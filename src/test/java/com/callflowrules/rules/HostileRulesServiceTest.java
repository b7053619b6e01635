package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.scenario.ScenarioCommand;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.HostileRules;
import com.callflowrules.support.RulesCopy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hostile-rules corpus through every way a rule file reaches the service: the file
 * watcher, {@code POST /rules/validate}, {@code POST /rules/reload} and the {@code scenarios run}
 * command. Each file is refused naming it, the running version never changes, and no file's
 * marker is ever created. The service runs on its defaults (scenario gate on).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:hostile-rules;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "callflow.rules.scenario-gate=true",
            "callflow.rules.watch-quiet-period=100ms",
            "callflow.timers.enabled=false"
        })
class HostileRulesServiceTest {

    @TempDir
    static Path dir;

    private static RulesCopy rules;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        rules = RulesCopy.of(dir.resolve("rules"));
        registry.add("callflow.rules.directory", () -> rules.root().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    RuleBaseHolder ruleBases;

    static List<HostileRules> corpus() {
        return HostileRules.all();
    }

    private ApiClient api() {
        return new ApiClient(port, "");
    }

    @AfterEach
    void removeHostileFiles() throws Exception {
        try (var files = Files.list(rules.root())) {
            if (files.noneMatch(f -> f.getFileName().toString().equals("hostile"))) {
                return;
            }
        }
        try (var hostile = Files.list(rules.root().resolve("hostile"))) {
            for (Path file : hostile.toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * One file through every way in, one after the other: the watcher first (it sees the file
     * written), then validate and reload, then the scenario command on a copy. Each reads the same
     * text, so the loader compiles it once and the later ways get its kept refusal; each still
     * answers on its own.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyWayInRefusesItAndNothingRuns(HostileRules hostile, @TempDir Path copy) throws Exception {
        String running = ruleBases.current().version();
        Path marker = dir.resolve("marker-" + hostile.name());
        String text = hostile.textWithMarker(marker);
        Instant before = Instant.now();
        rules.write(hostile.fileName(), text);

        BuildResult watched = awaitRefusalOf(hostile.fileName(), before);
        assertThat(watched.clean()).isFalse();

        for (String path : List.of("/conference/v2/rules/validate", "/conference/v2/rules/reload")) {
            ApiClient.Answer answer = api().post(path, null);
            assertThat(answer.status()).as(path).isEqualTo(422);
            assertThat(answer.text("error")).isEqualTo("rule_base_refused");
            // refusals name exception types ("catching java.lang.Exception is refused"); a stack trace never
            assertThat(answer.raw())
                    .as(path)
                    .contains(hostile.fileName())
                    .doesNotContain("\tat ")
                    .doesNotContainPattern("[A-Za-z]+(Exception|Error): ");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ScenarioCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(
                        "run",
                        "--rules",
                        RulesCopy.of(copy.resolve("rules"))
                                .write(hostile.fileName(), text)
                                .root()
                                .toString());
        assertThat(exit).as("the scenario command's exit").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(hostile.fileName());

        assertThat(ruleBases.current().version()).isEqualTo(running);
        assertThat(Files.exists(marker)).isFalse();
        assertThat(api().get("/actuator/health").status()).isEqualTo(200);
    }

    /** The watcher's refused build, after {@code instant}, that names {@code file} (earlier edits may still be settling). */
    private BuildResult awaitRefusalOf(String file, Instant instant) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            BuildResult last = ruleBases.lastBuild();
            if (last.at().isAfter(instant)
                    && !last.clean()
                    && last.messages().stream().anyMatch(m -> m.file().equals(file))) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(
                "no refused build naming " + file + " after " + instant + "; last: " + ruleBases.lastBuild());
    }

    @Test
    void aReloadThatBreaksAScenarioIsRefusedByTheGate() {
        String running = ruleBases.current().version();
        String original = rules.read("access-codes.drl");
        rules.write(
                "access-codes.drl",
                original.replace(
                        "insert(Verdict.of(Action.REPROMPT_ACCESS_CODE));",
                        "insert(Verdict.of(Action.DISCONNECT, Reason.TOO_MANY_ATTEMPTS));"));
        try {
            ApiClient.Answer answer = api().post("/conference/v2/rules/reload", null);

            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.body().get("errors").findValuesAsString("field"))
                    .contains("scenarios/secured/wrong-code-then-right-code.yaml");
            assertThat(ruleBases.current().version()).isEqualTo(running);
        } finally {
            rules.write("access-codes.drl", original);
        }
    }
}
