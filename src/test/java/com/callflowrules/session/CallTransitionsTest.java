package com.callflowrules.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.decision.Decision;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.Reason;
import com.callflowrules.session.CallTransitions.Effect;
import com.callflowrules.session.CallTransitions.Transition;
import com.callflowrules.session.CallTransitions.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The table call control runs: its hidden rules written as rows, and docs/architecture.md's table
 * of "The life of a call" kept equal to it, row for row.
 */
class CallTransitionsTest {

    private static final String HEADER = "| State | Action | When | Next state | Effects, in order |";

    private static Decision decision(Action action, Reason reason, String inCallAction) {
        return new Decision(
                action,
                reason,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                Map.of(),
                List.of(),
                "v1",
                null,
                false,
                null,
                inCallAction,
                null);
    }

    private static Optional<Transition> row(CallStatus from, Action action) {
        return CallTransitions.of(from, decision(action, null, null));
    }

    @Test
    void theHiddenRulesAreRows() {
        // a disconnect for too many attempts counts the last one; any other does not
        assertThat(CallTransitions.of(CallStatus.PROMPTING, decision(Action.DISCONNECT, Reason.TOO_MANY_ATTEMPTS, null))
                        .orElseThrow()
                        .effects())
                .containsExactly(Effect.COUNT_ATTEMPT, Effect.END);
        assertThat(CallTransitions.of(CallStatus.PROMPTING, decision(Action.DISCONNECT, Reason.MEETING_LOCKED, null))
                        .orElseThrow()
                        .effects())
                .containsExactly(Effect.END);
        // an ignored entry while changing role counts, and takes the call back to its meeting
        Transition refused = row(CallStatus.CHANGING_ROLE, Action.IGNORE).orElseThrow();
        assertThat(refused.next()).isEqualTo(CallStatus.JOINED);
        assertThat(refused.effects()).containsExactly(Effect.COUNT_REFUSED_ROLE_CHANGE);
        // the role-change binding moves the call; any other binding leaves it joined
        Transition roleChange = CallTransitions.of(
                        CallStatus.JOINED, decision(Action.IN_CALL_ACTION, null, "call_rolepin"))
                .orElseThrow();
        assertThat(roleChange.when()).isEqualTo(When.ROLE_CHANGE_BINDING);
        assertThat(roleChange.next()).isEqualTo(CallStatus.CHANGING_ROLE);
        Transition mute = CallTransitions.of(CallStatus.JOINED, decision(Action.IN_CALL_ACTION, null, "call_mute"))
                .orElseThrow();
        assertThat(mute.next()).isEqualTo(CallStatus.JOINED);
        assertThat(mute.effects()).containsExactly(Effect.APPLY_BINDING);
        // a join after a role code keeps the call in its meeting with the new role
        assertThat(row(CallStatus.CHANGING_ROLE, Action.JOIN).orElseThrow().effects())
                .containsExactly(Effect.TAKE_NEW_ROLE);
    }

    @Test
    void aMoveTheLifeOfACallDoesNotHaveHasNoRow() {
        assertThat(row(CallStatus.JOINED, Action.REPROMPT_ACCESS_CODE)).isEmpty();
        assertThat(row(CallStatus.WAITING, Action.IN_CALL_ACTION)).isEmpty();
        assertThat(row(CallStatus.CHANGING_ROLE, Action.WAIT)).isEmpty();
        for (Action action : Action.values()) {
            assertThat(row(CallStatus.ENDED, action)).as(action.name()).isEmpty();
        }
        // what a rules failure becomes is there for every live state
        for (CallStatus live :
                List.of(CallStatus.PROMPTING, CallStatus.WAITING, CallStatus.JOINED, CallStatus.CHANGING_ROLE)) {
            Decision failed = Decision.rulesFailed("v1", List.of());
            assertThat(CallTransitions.of(live, failed).orElseThrow().next()).isEqualTo(CallStatus.ENDED);
        }
    }

    @Test
    void noRowIsHiddenBehindAnEarlierOne() {
        List<Transition> table = CallTransitions.TABLE;
        for (int i = 0; i < table.size(); i++) {
            for (int j = 0; j < i; j++) {
                Transition earlier = table.get(j);
                Transition later = table.get(i);
                boolean shadows = earlier.from() == later.from()
                        && earlier.action() == later.action()
                        && (earlier.when() == later.when() || earlier.when() == When.ALWAYS);
                assertThat(shadows)
                        .as("%s is never reached after %s", later, earlier)
                        .isFalse();
            }
        }
    }

    @Test
    void theArchitectureTableIsTheTable() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"));
        int start = doc.indexOf(HEADER);
        assertThat(start)
                .as("docs/architecture.md has the table headed %s", HEADER)
                .isNotNegative();
        String documented = doc.substring(start, doc.indexOf("\n\n", start));

        assertThat(documented).isEqualTo(markdown(CallTransitions.TABLE));
    }

    private static String markdown(List<Transition> table) {
        StringBuilder text = new StringBuilder(HEADER).append("\n| --- | --- | --- | --- | --- |");
        for (Transition t : table) {
            String effects = t.effects().isEmpty()
                    ? "-"
                    : t.effects().stream().map(Effect::text).collect(Collectors.joining(", "));
            text.append("\n| `%s` | `%s` | %s | `%s` | %s |"
                    .formatted(
                            t.from().spelling(),
                            t.action(),
                            t.when().text(),
                            t.next().spelling(),
                            effects));
        }
        return text.toString();
    }

    @Test
    void everyEffectIsUsed() {
        assertThat(CallTransitions.TABLE.stream()
                        .flatMap(t -> t.effects().stream())
                        .distinct())
                .containsExactlyInAnyOrder(Effect.values());
        assertThat(Arrays.stream(When.values()))
                .allMatch(w -> CallTransitions.TABLE.stream().anyMatch(t -> t.when() == w));
    }
}
