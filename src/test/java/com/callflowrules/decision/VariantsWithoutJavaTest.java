package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.Role;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RuleBaseLoader;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule authors add variants with files under rules/ only (domain.md section 6): a rule base
 * without the two shipped variants learns them from their files on reload, with no Java change.
 */
class VariantsWithoutJavaTest {

    @TempDir
    Path dir;

    @Test
    void variantsArePickedUpFromTheirFilesOnReload() {
        RulesCopy shipped = RulesCopy.of(dir.resolve("shipped"));
        RulesCopy rules = RulesCopy.of(dir.resolve("live"))
                .delete("call-flows/secured_webinar.yaml")
                .delete("call-flows/open_first_host.yaml");
        DecisionEngine engine = new DecisionEngine(new RuleBaseHolder(new RuleBaseLoader(), rules.root()));
        Hierarchy webinar = Hierarchy.account("secured_webinar")
                .withRoom("w", true, Map.of(), new AccessCode("2", Role.PARTICIPANT));
        Hierarchy firstHost = Hierarchy.account("open_first_host");

        assertThat(engine.callFlow("secured_webinar")).isEmpty();
        assertThat(engine.decide(new CallArrived(Hierarchy.NUMBER, "1"), webinar.facts())
                        .reason())
                .isEqualTo(Reason.NO_CALL_FLOW);

        for (String file : new String[] {"call-flows/secured_webinar.yaml", "call-flows/open_first_host.yaml"}) {
            rules.write(file, shipped.read(file));
        }
        engine.ruleBases().reload();

        Decision participant = engine.decide(new AccessCodeEntered("2", 0), webinar.factsForCode("2"));
        Decision creator = engine.decide(new AccessCodeEntered("31337", 0), firstHost.factsForCode("31337"));
        assertThat(participant.callFlow().name()).isEqualTo("secured_webinar");
        assertThat(participant.muted()).isTrue();
        assertThat(creator.callFlow().name()).isEqualTo("open_first_host");
        assertThat(creator.role()).isEqualTo(Role.HOST);
        assertThat(creator.rulesFired())
                .contains(
                        "behaviour: a new code creates a room on the fly with its creator in the flow's creator role");
    }
}
