package com.callflowrules.decision;

import static com.callflowrules.support.Hierarchy.sid;
import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.Level;
import com.callflowrules.facts.Role;
import com.callflowrules.properties.PropertySchema;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-key overrides, domain.md section 4: meeting room > DID > DID group > account > call flow. */
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
            .withRoom("room-1", true, Map.of("conference_moh", "room-music"), "1234", Role.PARTICIPANT);

    @Test
    void eachKeyResolvesToTheHighestLevelThatSetsItWithItsSource() {
        Decision decision = engine.decide(new AccessCodeEntered("1234", 0), everyLevel.factsForCode("1234"));

        assertThat(decision.action()).isEqualTo(Action.JOIN);
        assertThat(decision.properties())
                .containsEntry("conference_moh", "room-music")
                .containsEntry("conference_start_wait", "300")
                .containsEntry("did_language", "fr_FR")
                .containsEntry("conference_stop_wait", "10")
                .containsEntry("conference_exittones_enabled", "on");
        assertThat(decision.propertySources())
                .containsEntry("conference_moh", new PropertySource(Level.MEETING_ROOM, "room-1"))
                .containsEntry("conference_start_wait", new PropertySource(Level.DID, Hierarchy.DID))
                .containsEntry("did_language", new PropertySource(Level.DID_GROUP, Hierarchy.GROUP))
                .containsEntry("conference_stop_wait", new PropertySource(Level.ACCOUNT, Hierarchy.ACCOUNT))
                .containsEntry("conference_exittones_enabled", new PropertySource(Level.CALL_FLOW, sid("secured")));
    }

    @Test
    void everySchemaKeyHasAnEffectiveValueAndASource() {
        Decision decision = engine.decide(new AccessCodeEntered("1234", 0), everyLevel.factsForCode("1234"));

        assertThat(decision.properties().keySet())
                .isEqualTo(PropertySchema.standard().keys());
        assertThat(decision.propertySources().keySet())
                .isEqualTo(PropertySchema.standard().keys());
    }

    @Test
    void theRoomLevelAppliesOnlyOnceTheCallHasARoom() {
        Decision beforeCode = engine.decide(new CallArrived(Hierarchy.NUMBER, "1"), everyLevel.facts());

        assertThat(beforeCode.properties()).containsEntry("conference_moh", "did-music");
        assertThat(beforeCode.propertySources().get("conference_moh").level()).isEqualTo(Level.DID);
    }

    @Test
    void aRoomInAnotherScopeDoesNotOverride() {
        // The code is owned by the group room, so only that room's values apply.
        Hierarchy withTwoRooms =
                everyLevel.withRoom("room-2", false, Map.of("conference_moh", "other-room"), "9999", Role.HOST);

        Decision decision = engine.decide(new AccessCodeEntered("1234", 0), withTwoRooms.factsForCode("1234"));

        assertThat(decision.properties()).containsEntry("conference_moh", "room-music");
    }

    @Test
    void aVariantDefinitionChangesTheBaseValueAtTheCallFlowLevel() {
        Decision decision = engine.decide(
                new CallArrived(Hierarchy.NUMBER, "1"),
                Hierarchy.account("secured_webinar").facts());

        assertThat(decision.properties()).containsEntry("conference_mute_policy", "pl");
        assertThat(decision.propertySources().get("conference_mute_policy"))
                .isEqualTo(new PropertySource(Level.CALL_FLOW, sid("secured_webinar")));
    }
}
