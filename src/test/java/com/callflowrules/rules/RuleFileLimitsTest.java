package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.scenario.ScenarioException;
import com.callflowrules.scenario.ScenarioSuite;
import com.callflowrules.support.RulesCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounds of a rule base as files: no symbolic link, a bounded number of files, bytes and
 * definitions, no expression nested past what the parser takes, and plain YAML (no tag, anchor
 * or alias) in definitions and scenarios. Each is refused, before any of it is compiled, with
 * the file it concerns.
 */
class RuleFileLimitsTest {

    private static final String MARKING_RULE = """
            package callflow;
            import com.callflowrules.facts.*;
            rule "marks"
                ruleflow-group "placement"
            when
                CallArrived()
            then
                insert("x");
            end
            """;

    private static void refused(RulesCopy rules, Consumer<RuleMessage> message) {
        assertThatThrownBy(() -> DecisionEngine.loader().load(rules.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class, e -> assertThat(e.messages()).anySatisfy(message));
    }

    @Test
    void aLinkToARuleFileOutsideTheDirectoryIsRefused(@TempDir Path dir) throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.drl"), MARKING_RULE);
        RulesCopy rules = RulesCopy.definitionsOnly(dir.resolve("rules"));
        Files.createSymbolicLink(rules.root().resolve("linked.drl"), outside);

        refused(rules, m -> {
            assertThat(m.file()).isEqualTo("linked.drl");
            assertThat(m.reason()).startsWith("a symbolic link is refused");
        });
    }

    @Test
    void aLinkedDirectoryIsRefused(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("more.drl"), MARKING_RULE);
        RulesCopy rules = RulesCopy.definitionsOnly(dir.resolve("rules"));
        Files.createSymbolicLink(rules.root().resolve("extra"), outside);

        refused(rules, m -> {
            assertThat(m.file()).isEqualTo("extra");
            assertThat(m.reason()).startsWith("a symbolic link is refused");
        });
    }

    @Test
    void aLinkedDefinitionIsRefused(@TempDir Path dir) throws IOException {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        Path secret = Files.writeString(dir.resolve("secret.yaml"), rules.read("call-flows/open.yaml"));
        rules.delete("call-flows/open.yaml");
        Files.createSymbolicLink(rules.root().resolve("call-flows/open.yaml"), secret);

        refused(rules, m -> assertThat(m.file()).isEqualTo("call-flows/open.yaml"));
    }

    @Test
    void moreFilesThanTheBoundAreRefused(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.definitionsOnly(dir.resolve("rules"));
        for (int i = 0; i <= RuleFiles.MAX_FILES; i++) {
            rules.write("many/f" + i + ".drl", "// " + i + "\n");
        }

        refused(rules, m -> assertThat(m.reason()).startsWith("more than " + RuleFiles.MAX_FILES + " files"));
    }

    @Test
    void moreBytesThanTheBoundAreRefused(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.definitionsOnly(dir.resolve("rules"));
        String comment = "// " + "x".repeat((int) RuleFiles.MAX_FILE_BYTES - 10) + "\n";
        for (int i = 0; i <= RuleFiles.MAX_TOTAL_BYTES / RuleFiles.MAX_FILE_BYTES; i++) {
            rules.write("big/f" + i + ".drl", comment);
        }

        refused(rules, m -> assertThat(m.reason()).contains("pass " + RuleFiles.MAX_TOTAL_BYTES + " bytes"));
    }

    @Test
    void moreDefinitionsThanTheBoundAreRefusedBeforeTheyCompile(@TempDir Path dir) {
        StringBuilder many = new StringBuilder("package callflow;\nimport com.callflowrules.facts.*;\n");
        for (int i = 0; i <= DrlDescriptionCheck.MAX_DEFINITIONS; i++) {
            many.append("rule \"r").append(i).append("\" ruleflow-group \"placement\" when CallArrived() then end\n");
        }
        RulesCopy rules = RulesCopy.definitionsOnly(dir.resolve("rules")).write("many.drl", many.toString());

        refused(rules, m -> {
            assertThat(m.file()).isEqualTo("many.drl");
            assertThat(m.reason()).startsWith("more than " + DrlDescriptionCheck.MAX_DEFINITIONS + " rules");
        });
    }

    @Test
    void anExpressionNestedThousandsDeepIsRefusedWithAMessage(@TempDir Path dir) {
        String nested = "(".repeat(5_000) + "1" + ")".repeat(5_000);
        RulesCopy rules = RulesCopy.definitionsOnly(dir.resolve("rules"))
                .write("deep.drl", MARKING_RULE.replace("insert(\"x\");", "insert(String.valueOf(" + nested + "));"));

        refused(rules, m -> {
            assertThat(m.reason()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(m.file()).isIn("deep.drl", ".");
        });
    }

    @Test
    void aTagInADefinitionIsRefusedWithItsLine(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        assertThat(rules.read("call-flows/open.yaml")).contains("entry: prompt");
        rules.write(
                "call-flows/open.yaml",
                rules.read("call-flows/open.yaml").replaceFirst("entry: prompt", "entry: !!java.net.URL \"http://x\""));

        refused(rules, m -> {
            assertThat(m.file()).isEqualTo("call-flows/open.yaml");
            assertThat(m.line()).isPositive();
            assertThat(m.reason()).contains("a tag (tag:yaml.org,2002:java.net.URL) is refused");
        });
    }

    @Test
    void aLocalTagInADefinitionIsRefused(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        assertThat(rules.read("call-flows/open.yaml")).contains("entry: prompt");
        rules.write(
                "call-flows/open.yaml",
                rules.read("call-flows/open.yaml").replaceFirst("entry: prompt", "entry: !local prompt"));

        refused(rules, m -> assertThat(m.reason()).contains("a tag (!local) is refused"));
    }

    @Test
    void anAliasInADefinitionIsRefused(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        rules.write("call-flows/open.yaml", rules.read("call-flows/open.yaml") + "description: *missing\n");

        refused(rules, m -> assertThat(m.reason()).contains("an alias (*missing) is refused"));
    }

    @Test
    void aScenarioWithATagOrAnAnchorIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(
                scenarios.resolve("tagged.yaml"),
                "name: tagged\nsteps:\n  - {call: a, arrives: !!java.lang.ProcessBuilder \"1\"}\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                scenarios.resolve("anchored.yaml"),
                "name: &n anchored\nsteps:\n  - {call: a, arrives: \"1\"}\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ScenarioSuite.read(scenarios, Path.of("tagged.yaml")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(
                        "tagged.yaml:3: not valid YAML: a tag (tag:yaml.org,2002:java.lang.ProcessBuilder)");
        assertThatThrownBy(() -> ScenarioSuite.read(scenarios, Path.of("anchored.yaml")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("anchored.yaml:1: not valid YAML: an anchor (&n) is refused");
    }

    @Test
    void aLinkedScenarioIsRefused(@TempDir Path dir) throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Path outside = Files.writeString(dir.resolve("outside.yaml"), "name: x\nsteps: []\n");
        Files.createSymbolicLink(scenarios.resolve("linked.yaml"), outside);

        assertThatThrownBy(() -> ScenarioSuite.files(scenarios))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("linked.yaml: a symbolic link is refused");
        assertThatThrownBy(() -> ScenarioSuite.read(scenarios, Path.of("linked.yaml")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("a symbolic link is refused");
    }
}
