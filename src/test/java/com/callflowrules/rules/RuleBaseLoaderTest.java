package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.FlowBehaviour;
import com.callflowrules.facts.Role;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.RulesCopy;
import com.callflowrules.support.ShippedRules;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseLoaderTest {

    @TempDir
    Path dir;

    private final RuleBaseLoader loader = new RuleBaseLoader();

    @Test
    void theShippedRuleBaseBuildsWithNoMessages() {
        RuleBase ruleBase = loader.load(ShippedRules.DIRECTORY);

        assertThat(ruleBase.warnings()).isEmpty();
        assertThat(ruleBase.callFlows())
                .extracting(CallFlow::name)
                .containsExactly(
                        "direct_host", "direct_participant", "open", "open_first_host", "secured", "secured_webinar");
        assertThat(ruleBase.files())
                .contains(
                        "routing.drl",
                        "properties.drl",
                        "admission.drl",
                        "in-call.drl",
                        "behaviours.drl",
                        "call-flows/secured.yaml");
        assertThat(ruleBase.version()).matches("[0-9a-f]{12}");
        assertThat(ruleBase.callFlowByName("secured_webinar")).hasValueSatisfying(flow -> {
            assertThat(flow.behaviour()).isEqualTo(FlowBehaviour.promptRefusingUnknownCodes());
            assertThat(flow.callFlowSid()).isEqualTo(CallFlow.sidFor("secured_webinar"));
            assertThat(flow.properties()).hasSize(25).containsEntry("conference_mute_policy", "pl");
        });
    }

    @Test
    void theVersionIsAContentHashSameFilesSameVersion() {
        RulesCopy copy = RulesCopy.of(dir);
        String shipped = loader.load(ShippedRules.DIRECTORY).version();

        assertThat(loader.load(copy.root()).version()).isEqualTo(shipped);
        copy.write("routing.drl", copy.read("routing.drl") + "\n// a comment\n");
        assertThat(loader.load(copy.root()).version()).isNotEqualTo(shipped);
    }

    @Test
    void aBrokenRuleFileIsRefusedWithFileAndLineWhileThePreviousSnapshotKeepsDeciding() {
        RulesCopy copy = RulesCopy.of(dir);
        DecisionEngine engine = new DecisionEngine(new RuleBaseHolder(loader, copy.root()));
        String good = engine.ruleBase().version();
        String broken = copy.read("behaviours.drl")
                .replace(
                        "    insert(Verdict.of(Action.PROMPT_ACCESS_CODE));",
                        "    insert(Verdict.of(Action.PROMPT_ACCESS_CODE)) oops;");
        copy.write("behaviours.drl", broken);
        // Drools places an error in a consequence at the rule's first line; the reason names the rule.
        int line = lineOf(broken, "rule \"behaviour: a prompting flow asks for an access code\"");

        assertThatThrownBy(() -> engine.ruleBases().reload())
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        e -> assertThat(e.messages()).anySatisfy(m -> {
                            assertThat(m.file()).isEqualTo("behaviours.drl");
                            assertThat(m.line()).isEqualTo(line);
                            assertThat(m.reason())
                                    .contains("oops")
                                    .contains("behaviour: a prompting flow asks for an access code");
                        }));

        Decision decision = engine.decide(
                new CallArrived(Hierarchy.NUMBER, "1"),
                Hierarchy.account("secured").facts());
        assertThat(decision.action()).isEqualTo(Action.PROMPT_ACCESS_CODE);
        assertThat(decision.ruleBaseVersion()).isEqualTo(good);
        assertThat(engine.ruleBase().version()).isEqualTo(good);
    }

    @Test
    void aCleanReloadSwapsInTheNewVersion() {
        RulesCopy copy = RulesCopy.of(dir);
        DecisionEngine engine = new DecisionEngine(new RuleBaseHolder(loader, copy.root()));
        String before = engine.ruleBase().version();
        copy.write(
                "call-flows/secured.yaml",
                copy.read("call-flows/secured.yaml")
                        .replace("properties: {}", "properties:\n  accesscode_max_attempts: \"5\""));

        RuleBase after = engine.ruleBases().reload();

        assertThat(after.version()).isNotEqualTo(before);
        Decision decision = engine.decide(
                new CallArrived(Hierarchy.NUMBER, "1"),
                Hierarchy.account("secured").facts());
        assertThat(decision.attemptsLeft()).isEqualTo(5);
        assertThat(decision.ruleBaseVersion()).isEqualTo(after.version());
    }

    @Test
    void aDrlErrorInAConditionNamesTheFileAndLine() {
        RulesCopy copy = RulesCopy.of(dir).write("extra.drl", """
                package callflow;
                import com.callflowrules.facts.*;

                rule "extra: refers to a type that does not exist"
                when
                    NoSuchFact(size > 3)
                then
                end
                """);

        assertRefused(copy, m -> {
            assertThat(m.file()).isEqualTo("extra.drl");
            assertThat(m.line()).isEqualTo(6);
            assertThat(m.reason()).contains("NoSuchFact");
        });
    }

    @Test
    void aDefinitionNamingAMissingBehaviourIsRefused() {
        RulesCopy copy = RulesCopy.of(dir).write("call-flows/fancy.yaml", "name: fancy\nbehaviour: teleport\n");

        assertRefused(copy, m -> {
            assertThat(m.file()).isEqualTo("call-flows/fancy.yaml");
            assertThat(m.reason())
                    .contains("behaviour 'teleport' does not exist")
                    .contains("flows/teleport.drl");
        });
    }

    @Test
    void aDefinitionWithAnUnknownPropertyKeyIsRefusedWithItsLine() {
        RulesCopy copy = RulesCopy.of(dir)
                .write(
                        "call-flows/fancy.yaml",
                        "name: fancy\nentry: direct\ndirect_role: host\nproperties:\n  conference_start_how: host\n  conference_colour: blue\n");

        assertRefused(copy, m -> {
            assertThat(m.file()).isEqualTo("call-flows/fancy.yaml");
            assertThat(m.line()).isEqualTo(6);
            assertThat(m.reason()).isEqualTo("property conference_colour = 'blue': unknown property key");
        });
    }

    @Test
    void aDefinitionWithAValueThatFailsTheSchemaIsRefusedWithItsLine() {
        RulesCopy copy = RulesCopy.of(dir)
                .write(
                        "call-flows/fancy.yaml",
                        "name: fancy\nentry: direct\ndirect_role: host\nproperties:\n  conference_start_wait: soon\n");

        assertRefused(copy, m -> {
            assertThat(m.line()).isEqualTo(5);
            assertThat(m.reason()).isEqualTo("property conference_start_wait = 'soon': must be an integer 0..86400");
        });
    }

    @Test
    void twoDefinitionsWithOneNameAreRefused() {
        RulesCopy copy =
                RulesCopy.of(dir).write("call-flows/open.yml", "name: open\nentry: prompt\nunknown_code: refuse\n");

        assertRefused(copy, m -> assertThat(m.reason()).contains("call flow 'open' is already defined in"));
    }

    @Test
    void aDefinitionWhoseNameIsNotItsFileNameIsRefused() {
        RulesCopy copy =
                RulesCopy.of(dir).write("call-flows/fancy.yaml", "name: other\nentry: prompt\nunknown_code: refuse\n");

        assertRefused(copy, m -> assertThat(m.reason()).contains("must match the file name 'fancy'"));
    }

    @Test
    void aDefinitionThatIsNotValidYamlIsRefusedWithItsLine() {
        RulesCopy copy = RulesCopy.of(dir)
                .write(
                        "call-flows/fancy.yaml",
                        "name: fancy\nentry: direct\ndirect_role: host\nproperties:\n  call_mute_dtmf_binding: *6\n");

        assertRefused(copy, m -> {
            assertThat(m.line()).isEqualTo(5);
            assertThat(m.reason()).startsWith("not valid YAML").contains("quote values that start with *");
        });
    }

    @Test
    void yamlValuesAreReadAsTheyAreWritten() {
        // YAML 1.1 would read on as true and 001 as 1; the definition must keep the text.
        RulesCopy copy = RulesCopy.of(dir)
                .write(
                        "call-flows/fancy.yaml",
                        "name: fancy\nentry: prompt\nunknown_code: refuse\nproperties:\n  conference_moh_enabled: off\n  did_prompt_serial: 002\n");

        CallFlow fancy = loader.load(copy.root()).callFlowByName("fancy").orElseThrow();

        assertThat(fancy.properties())
                .containsEntry("conference_moh_enabled", "off")
                .containsEntry("did_prompt_serial", "002");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        RulesCopy copy = RulesCopy.of(dir)
                .write("call-flows/a.yaml", "name: a\nbehaviour: nowhere\n")
                .write("call-flows/b.yaml", "name: b\nentry: prompt\nunknown_code: refuse\ncolour: red\n");

        assertThatThrownBy(() -> loader.load(copy.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        e -> assertThat(e.messages())
                                .extracting(RuleMessage::file)
                                .contains("call-flows/a.yaml", "call-flows/b.yaml"));
    }

    @Test
    void anEditOfDefinitionsOnlyReusesTheCompiledRulesAndARuleEditCompilesAgain() {
        RulesCopy copy = RulesCopy.of(dir);
        RuleBase first = loader.load(copy.root());
        copy.write(
                "call-flows/secured.yaml",
                copy.read("call-flows/secured.yaml")
                        .replace("properties: {}", "properties:\n  accesscode_max_attempts: \"5\""));
        RuleBase definitionsEdited = loader.load(copy.root());
        copy.write("routing.drl", copy.read("routing.drl") + "\n// a comment\n");
        RuleBase rulesEdited = loader.load(copy.root());

        assertThat(definitionsEdited.version()).isNotEqualTo(first.version());
        assertThat(definitionsEdited.kieBase()).isSameAs(first.kieBase());
        assertThat(definitionsEdited.callFlowByName("secured").orElseThrow().properties())
                .containsEntry("accesscode_max_attempts", "5");
        assertThat(rulesEdited.kieBase()).isNotSameAs(first.kieBase());
    }

    @Test
    void aDefinitionStatesItsBehaviourAsData() {
        RulesCopy copy = RulesCopy.of(dir)
                .write(
                        "call-flows/lobby.yaml",
                        "name: lobby\nentry: prompt\nunknown_code: create_room\ncreator_role: listener\n")
                .write("call-flows/hotline.yaml", "name: hotline\nentry: direct\ndirect_role: listener\n");

        RuleBase ruleBase = loader.load(copy.root());

        assertThat(ruleBase.callFlowByName("lobby").orElseThrow().behaviour())
                .isEqualTo(FlowBehaviour.promptCreatingRooms(Role.LISTENER));
        assertThat(ruleBase.callFlowByName("hotline").orElseThrow().behaviour())
                .isEqualTo(FlowBehaviour.direct(Role.LISTENER));
    }

    @Test
    void behaviourFieldsThatDoNotFitTheEntryAreRefusedWithTheirLine() {
        RulesCopy copy = RulesCopy.of(dir)
                .write("call-flows/a.yaml", "name: a\ndescription: no entry\n")
                .write("call-flows/b.yaml", "name: b\nentry: prompt\nunknown_code: refuse\ncreator_role: host\n")
                .write("call-flows/c.yaml", "name: c\nentry: direct\ndirect_role: boss\n")
                .write("call-flows/d.yaml", "name: d\nentry: sideways\n")
                .write("call-flows/e.yaml", "name: e\nbehaviour: open\nentry: prompt\n")
                .write("call-flows/f.yaml", "name: f\nentry: prompt\nunknown_code: create_room\n");

        assertThatThrownBy(() -> loader.load(copy.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        e -> assertThat(e.messages())
                                .extracting(RuleMessage::toString)
                                .contains(
                                        "call-flows/a.yaml:1: missing 'entry' (prompt or direct), or 'behaviour' naming a rule file under flows/",
                                        "call-flows/b.yaml:4: a flow that refuses unknown codes creates no room: no 'creator_role'",
                                        "call-flows/c.yaml:3: direct_role: must be host, participant or listener, not 'boss'",
                                        "call-flows/d.yaml:2: entry 'sideways' must be prompt or direct",
                                        "call-flows/e.yaml:3: a flow with a behaviour rule file of its own has no 'entry'",
                                        "call-flows/f.yaml:1: missing 'creator_role' (host, participant or listener)"));
    }

    @Test
    void aMissingRulesDirectoryIsRefused() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nowhere")))
                .isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("rules directory does not exist");
    }

    private void assertRefused(RulesCopy copy, Consumer<RuleMessage> expected) {
        assertThatThrownBy(() -> loader.load(copy.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class, e -> assertThat(e.messages()).anySatisfy(expected));
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(needle + " not found");
    }
}
