package com.callflowrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.scenario.ScenarioSuite;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.ServiceTest;
import com.callflowrules.support.ShippedRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The jar's command lines against the running service over real HTTP: a release exported to a
 * directory holds exactly the rule base's files, a directory imported becomes a checked (or
 * refused) draft from the published release and publishes nothing, and {@code scenarios run|diff}
 * take a release version.
 */
@ServiceTest
class ReleaseCommandTest {

    private static final String FIVE_TRIES = """
            name: secured_five_cli
            description: Secured, with five attempts at the access code.
            entry: prompt
            unknown_code: refuse
            properties:
              accesscode_max_attempts: "5"
            """;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private ApiClient api;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private int command(Map<String, String> env, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--service", "http://127.0.0.1:" + port))
                .toArray(String[]::new);
        return Commands.run(
                all,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int command(String... args) {
        return command(Map.of(), args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> filesUnder(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }

    private String published() {
        return api.get("/rules").text("published");
    }

    @Test
    void exportWritesExactlyThePublishedReleasesFiles() throws IOException {
        Path exported = dir.resolve("exported");

        int exit = command("releases", "export", "published", exported.toString());

        assertThat(exit).as(errors()).isZero();
        Map<String, String> onDisk = filesUnder(ShippedRules.DIRECTORY);
        assertThat(filesUnder(exported)).isEqualTo(onDisk);
        assertThat(output()).contains("release " + published() + ": " + onDisk.size() + " files written");
    }

    @Test
    void exportIntoADirectoryThatIsNotEmptyIsRefusedAndWritesNothing() throws IOException {
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");

        int exit = command("releases", "export", published(), taken.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("not empty: " + taken);
        assertThat(filesUnder(taken)).containsOnlyKeys("notes.txt");
    }

    @Test
    void importMakesACheckedDraftOfTheDirectoryFromThePublishedReleaseAndPublishesNothing() throws IOException {
        String before = published();
        Path git = dir.resolve("git");
        assertThat(command("releases", "export", before, git.toString())).isZero();
        Files.writeString(git.resolve("call-flows/secured_five_cli.yaml"), FIVE_TRIES);
        Files.writeString(git.resolve("README.md"), "not part of a rule base");
        Path dropped;
        try (Stream<Path> scenarios = Files.walk(git.resolve("scenarios"))) {
            dropped =
                    scenarios.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
        String droppedPath = git.relativize(dropped).toString().replace('\\', '/');
        Files.delete(dropped);
        out.reset();

        int exit = command("releases", "import", git.toString(), "--message", "five tries, from git");

        assertThat(exit).as(output() + errors()).isZero();
        String version = output().lines().findFirst().orElseThrow().replaceFirst("release ([0-9a-f]{12}) .*", "$1");
        assertThat(output()).contains("release " + version + " checked (from " + before + ", 2 files changed)");
        Answer release = api.get("/rule_releases/" + version);
        assertThat(release.text("state")).isEqualTo("checked");
        assertThat(release.text("base")).isEqualTo(before);
        assertThat(release.text("message")).isEqualTo("five tries, from git");
        assertThat(release.body()
                        .get("files")
                        .get("call-flows/secured_five_cli.yaml")
                        .asString())
                .isEqualTo(FIVE_TRIES);
        assertThat(release.body().get("files").has(droppedPath)).isFalse();
        assertThat(release.body().get("files").has("README.md")).isFalse();
        assertThat(published()).as("a draft waits for approval").isEqualTo(before);
    }

    @Test
    void importOfABrokenRuleIsARefusedDraftWithItsMessages() throws IOException {
        Path git = dir.resolve("broken");
        assertThat(command("releases", "export", "published", git.toString())).isZero();
        Files.writeString(git.resolve("extra.drl"), "package callflow;\n\nrule \"half\"\nwhen\n");
        out.reset();

        int exit = command("releases", "import", git.toString(), "--message", "broken on purpose");

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains(" refused (from ").contains("  extra.drl:");
    }

    @Test
    void importWithoutAMessageIsAUsageError() {
        int exit = command("releases", "import", ShippedRules.DIRECTORY.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("--message TEXT");
    }

    @Test
    void scenariosRunAndDiffTakeAReleaseVersion() {
        int total =
                ScenarioSuite.files(ShippedRules.DIRECTORY.resolve("scenarios")).size();

        int run = command("scenarios", "run", "--release", published());

        assertThat(run).as(errors()).isZero();
        assertThat(output().lines().toList()).containsExactly(total + " passed, 0 failed");
        out.reset();
        int diff = command(
                "scenarios", "diff", "--base-release", published(), "--candidate", ShippedRules.DIRECTORY.toString());
        assertThat(diff).as(errors()).isZero();
        assertThat(output().lines().toList()).containsExactly("0 steps differ in 0 scenarios");
    }

    @Test
    void aWrongPasswordOrAnUnknownReleaseNamesTheServicesAnswer() {
        int wrong = command(Map.of("CALLFLOW_PASSWORD", "not-it"), "releases", "export", "published", "x");
        int unknown = command("scenarios", "run", "--release", "0123456789ab");

        assertThat(wrong).isEqualTo(2);
        assertThat(unknown).isEqualTo(2);
        List<String> lines = errors().lines().toList();
        assertThat(lines.get(0)).contains("/conference/v2/rules answered 401");
        assertThat(lines.get(1)).contains("/conference/v2/rule_releases/0123456789ab answered 404");
        assertThat(Files.exists(Path.of("x"))).isFalse();
    }
}
