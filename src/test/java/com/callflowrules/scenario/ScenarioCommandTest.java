package com.callflowrules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.RulesCopy;
import com.callflowrules.support.ShippedRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenarios command line: run and diff, with their output and exit codes. */
class ScenarioCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int command(String... args) {
        return new ScenarioCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void runPassesTheShippedSuiteAndEndsWithTheCounts() {
        int total = ScenarioSuite.files(ScenarioSuiteTest.SCENARIOS).size();

        int exit = command("run", "--rules", ShippedRules.DIRECTORY.toString());

        assertThat(exit).isZero();
        assertThat(lines()).containsExactly(total + " passed, 0 failed");
    }

    @Test
    void runReportsEachFailureExitsNonZeroAndWritesJunitXml() throws Exception {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        rules.write(
                "scenarios/secured/wrong-code-then-right-code.yaml",
                rules.read("scenarios/secured/wrong-code-then-right-code.yaml")
                        .replace("attempts_left: 2", "attempts_left: 7"));
        Path xml = dir.resolve("reports/scenarios.xml");

        int exit = command("run", "--rules", rules.root().toString(), "--junit-xml", xml.toString());

        int total = ScenarioSuite.files(rules.root().resolve("scenarios")).size();
        assertThat(exit).isEqualTo(1);
        assertThat(lines())
                .containsExactly(
                        "FAIL secured/wrong-code-then-right-code.yaml: step 2 (line 21): alice enters 9999: attempts_left: expected 7, actual 2",
                        (total - 1) + " passed, 1 failed");
        String report = Files.readString(xml);
        assertThat(report)
                .contains("tests=\"" + total + "\" failures=\"1\"")
                .contains("<testcase classname=\"scenarios\" name=\"secured/wrong-code-then-right-code.yaml\">")
                .contains("attempts_left: expected 7, actual 2");
    }

    @Test
    void diffListsExactlyTheStepsAChangedBaseValueAffects() throws Exception {
        RulesCopy candidate = RulesCopy.of(dir.resolve("candidate"));
        candidate.write(
                "call-flows/open_first_host.yaml",
                candidate
                        .read("call-flows/open_first_host.yaml")
                        .replace("properties: {}", "properties:\n  conference_entrytones_enabled: \"off\""));
        // Only scenarios whose calls the changed flow handles can differ, and every step of theirs does.
        Set<String> usingTheFlow = ScenarioSuite.files(ScenarioSuiteTest.SCENARIOS).stream()
                .filter(file -> read(ScenarioSuiteTest.SCENARIOS.resolve(file)).contains("call_flow: open_first_host"))
                .map(Path::toString)
                .collect(Collectors.toSet());
        int stepsOfThose = usingTheFlow.stream()
                .mapToInt(file -> ScenarioSuite.read(ScenarioSuiteTest.SCENARIOS, Path.of(file))
                        .steps()
                        .size())
                .sum();

        int exit = command(
                "diff",
                "--base",
                ShippedRules.DIRECTORY.toString(),
                "--candidate",
                candidate.root().toString());

        List<String> lines = lines();
        assertThat(exit).isEqualTo(1);
        assertThat(usingTheFlow).hasSize(2);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(stepsOfThose + " steps differ in 2 scenarios");
        assertThat(lines.subList(0, lines.size() - 1))
                .allSatisfy(line -> assertThat(usingTheFlow).contains(line.substring(0, line.indexOf(':'))))
                .contains("variants/open-first-host-creator-is-host.yaml: step 2 (line 16): alice enters 8080: "
                        + "properties.conference_entrytones_enabled: base on, candidate off")
                .anySatisfy(
                        line -> assertThat(line)
                                .contains(
                                        "alice enters 8080: media: base [play:default, announce_count, entry_tone], candidate [play:default, announce_count]"));
    }

    @Test
    void diffOfTheSameRulesFindsNothing() {
        int exit = command(
                "diff", "--base", ShippedRules.DIRECTORY.toString(), "--candidate", ShippedRules.DIRECTORY.toString());

        assertThat(exit).isZero();
        assertThat(lines()).containsExactly("0 steps differ in 0 scenarios");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(command()).isEqualTo(2);
        assertThat(command("rerun")).isEqualTo(2);
        assertThat(command("diff", "--base", "rules")).isEqualTo(2);
        assertThat(command("run", "--rules", "rules", "--release", "0123456789ab"))
                .isEqualTo(2);
        assertThat(command("run", "--release", "0123456789ab")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("usage: scenarios run")
                .contains("--candidate DIR or --candidate-release VERSION is required")
                .contains("--rules and --release name the same thing; give one")
                .contains("no service to read release 0123456789ab from");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
