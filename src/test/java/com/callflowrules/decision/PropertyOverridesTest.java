package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.Role;
import com.callflowrules.properties.PropertySchema;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's property contract: every key of the schema has an effective value and a source in
 * every decision. Which level wins is specified by {@code rules/scenarios/properties}.
 */
class PropertyOverridesTest {

    private final DecisionEngine engine = ShippedRules.engine();

    /** Five keys; level N sets the first N of them, so each key's winner is a different level. */
    private final Hierarchy everyLevel = Hierarchy.account("secured")
            .withAccountProperties(Map.of(
                    "conference_moh",
                    "account-music",
                    "conference_start_wait",
                    "100",
                    "did_language",
                    "de_DE",
                    "conference_stop_wait",
                    "10"))
            .withGroupProperties(
                    Map.of("conference_moh", "group-music", "conference_start_wait", "200", "did_language", "fr_FR"))
            .withDidProperties(Map.of("conference_moh", "did-music", "conference_start_wait", "300"))
            .withRoom("room-1", true, Map.of("conference_moh", "room-music"), new AccessCode("1234", Role.PARTICIPANT));

    @Test
    void everySchemaKeyHasAnEffectiveValueAndASource() {
        Decision decision = engine.decide(new AccessCodeEntered("1234", 0), everyLevel.factsForCode("1234"));

        assertThat(decision.properties().keySet())
                .isEqualTo(PropertySchema.standard().keys());
        assertThat(decision.propertySources().keySet())
                .isEqualTo(PropertySchema.standard().keys());
    }
}
