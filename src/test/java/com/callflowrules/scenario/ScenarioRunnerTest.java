package com.callflowrules.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.support.ShippedRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {

    @TempDir
    Path dir;

    private final ScenarioRunner runner = new ScenarioRunner(ShippedRules.engine());

    @Test
    void aWrongExpectationFailsNamingFileStepExpectedAndActual() throws Exception {
        Path copy = dir.resolve("secured/wrong-code-then-right-code.yaml");
        Files.createDirectories(copy.getParent());
        String shipped =
                Files.readString(ScenarioSuiteTest.SCENARIOS.resolve("secured/wrong-code-then-right-code.yaml"));
        Files.writeString(copy, shipped.replace("attempts_left: 2", "attempts_left: 7"));

        ScenarioResult result = runner.run(ScenarioSuite.read(dir, Path.of("secured/wrong-code-then-right-code.yaml")));

        assertThat(result.passed()).isFalse();
        assertThat(result.failedSteps()).hasSize(1);
        assertThat(result.failedSteps().get(0).mismatches())
                .containsExactly(new ScenarioResult.Mismatch("attempts_left", "7", "2"));
        assertThat(result.report())
                .isEqualTo("secured/wrong-code-then-right-code.yaml: step 2 (line 21): alice enters 9999: "
                        + "attempts_left: expected 7, actual 2\n");
    }

    @Test
    void aPromptNameDifferentOnlyInCaseFails() throws Exception {
        String file = "secured/prompt-uses-the-did-welcome-and-language.yaml";
        Path copy = dir.resolve(file);
        Files.createDirectories(copy.getParent());
        String shipped = Files.readString(ScenarioSuiteTest.SCENARIOS.resolve(file));
        assertThat(shipped).contains("play:acme_hello");
        Files.writeString(copy, shipped.replace("play:acme_hello", "play:ACME_Hello"));

        ScenarioResult result = runner.run(ScenarioSuite.read(dir, Path.of(file)));

        assertThat(result.passed()).isFalse();
        assertThat(result.failedSteps().get(0).mismatches())
                .extracting(ScenarioResult.Mismatch::field)
                .containsExactly("media");
    }

    @Test
    void anExpectationOfAFieldThatDoesNotExistFailsRatherThanPassing() {
        Scenario scenario = new ScenarioReader().read("typo.yaml", """
                hierarchy:
                  accounts: [{name: acme, call_flow: secured}]
                  dids: [{number: "15550001000", account: acme}]
                steps:
                  - call: alice
                    arrives: "15550001000"
                    expect: {acton: PROMPT_ACCESS_CODE}
                """);

        ScenarioResult result = runner.run(scenario);

        assertThat(result.report()).contains("acton: expected PROMPT_ACCESS_CODE, actual (no such field to expect)");
    }

    @Test
    void aMistypedFieldUnderAPrefixFailsEvenWhenItExpectsNull() {
        Scenario scenario = new ScenarioReader().read("typos.yaml", """
                hierarchy:
                  accounts: [{name: acme, call_flow: secured}]
                  dids: [{number: "15550001000", account: acme}]
                steps:
                  - call: alice
                    arrives: "15550001000"
                    expect:
                      call: {mutd: null}
                      meeting: {lockd: null}
                      properties: {conference_start_wiat: null}
                      calls: {bob: {state: null}, alice: {stat: null}}
                  - call: alice
                    enters: ""
                    expect: {call: {muted: false}, calls: {alice: {state: prompting}}, properties: {conference_start_wait: "360"}}
                """);

        ScenarioResult result = runner.run(scenario);

        assertThat(result.failedSteps()).hasSize(1);
        assertThat(result.failedSteps().get(0).mismatches())
                .extracting(ScenarioResult.Mismatch::field)
                .containsExactlyInAnyOrder(
                        "call.mutd",
                        "meeting.lockd",
                        "properties.conference_start_wiat",
                        "calls.bob.state",
                        "calls.alice.stat");
        assertThat(result.report()).contains("call.mutd: expected null, actual (no such field to expect)");
    }

    @Test
    void aScenarioThatIsNotWellFormedIsRefusedWithItsLine() {
        assertThatThrownBy(() -> new ScenarioReader().read("bad.yaml", """
                steps:
                  - call: alice
                    arrives: "1"
                    enters: "2"
                """))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(
                        "bad.yaml:2: a step has exactly one of arrives, enters, presses, hangs_up, wait, change, together");
        assertThatThrownBy(() -> runner.run(new ScenarioReader().read("flow.yaml", """
                hierarchy:
                  accounts: [{name: acme, call_flow: teleport}]
                steps:
                  - {wait: "1", expect: {meeting.running: false}}
                """)))
                .hasMessage("flow.yaml:2: no call flow 'teleport' in the rule base");
    }

    @Test
    void aScenarioThatExpectsNothingIsRefused() {
        assertThatThrownBy(() -> new ScenarioReader().read("nothing.yaml", """
                steps:
                  - {call: alice, arrives: "15550001000"}
                  - {call: alice, enters: "1234"}
                """))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("nothing.yaml: a scenario that expects nothing pins nothing: give at least one step an"
                        + " expect");
    }

    @Test
    void changeAndTogetherStepsOfTheWrongShapeAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> new ScenarioReader().read("change.yaml", """
                steps:
                  - change: {room: weekly, did: "1", properties: {}}
                """))
                .hasMessage("change.yaml:2: a change names exactly one of account, did_group, did, room");
        assertThatThrownBy(() -> new ScenarioReader().read("change.yaml", """
                steps:
                  - change: {room: weekly, colour: red}
                """))
                .hasMessageStartingWith("change.yaml:2: unknown change field 'colour'");
        assertThatThrownBy(() -> new ScenarioReader().read("together.yaml", """
                steps:
                  - together:
                      - {call: alice, enters: "1"}
                """))
                .hasMessageStartingWith("together.yaml:2: together is a list of two or more steps");
        assertThatThrownBy(() -> new ScenarioReader().read("together.yaml", """
                steps:
                  - together:
                      - {call: alice, enters: "1"}
                      - {wait: "5"}
                """))
                .hasMessage("together.yaml:4: a step of together is one caller's event, without expect");
        assertThatThrownBy(() -> new ScenarioReader().read("together.yaml", """
                steps:
                  - together:
                      - {call: alice, enters: "1"}
                      - {call: alice, presses: "*6"}
                """))
                .hasMessage("together.yaml:4: alice is twice in one together step");
    }

    @Test
    void aChangeToAValueTheSchemaRefusesFailsTheStep() {
        ScenarioResult result = runner.run(new ScenarioReader().read("bad-change.yaml", """
                hierarchy:
                  accounts: [{name: acme, call_flow: secured}]
                steps:
                  - change: {account: acme, properties: {conference_start_wait: soon}}
                  - {call: alice, arrives: "15550009999", expect: {action: DROP}}
                """));

        assertThat(result.passed()).isFalse();
        assertThat(result.steps().get(0).mismatches())
                .singleElement()
                .satisfies(m ->
                        assertThat(m.actual()).contains("conference_start_wait").contains("soon"));
    }
}
