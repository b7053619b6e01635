package com.callflowrules.decision;

import com.callflowrules.description.Example;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.MediaStep;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.Role;
import com.callflowrules.facts.RoomToCreate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the rules decided for one event of a call, with its explanation. The fields follow the
 * decision JSON of the HTTP contract; the last group says what the caller of the engine must
 * carry out.
 *
 * @param action          what the call router does
 * @param reason          why a call was dropped, refused, disconnected or ignored; else {@code null}
 * @param callFlow        the flow that handles the call and who named it; {@code null} for an unknown number
 * @param role            the caller's role once known
 * @param meetingRoomSid  the room joined or waited in; {@code null} while unknown or not yet created
 * @param meetingSid      the running meeting joined, if any
 * @param muted           whether the caller is muted on joining; {@code null} when not joining
 * @param attemptsLeft    access-code tries left, for prompts
 * @param media           what is played or collected, in order
 * @param properties      every effective property value
 * @param propertySources per key, the level and object that supplied its value
 * @param rulesFired      the rules that fired, each once, in firing order
 * @param ruleBaseVersion the rule base that decided
 * @param createRoom      a room to create on the fly before joining, or {@code null}
 * @param startMeeting    whether this join starts the room's meeting
 * @param waitSeconds     for {@code WAIT}: how long the caller may still wait for the start
 * @param inCallAction    for {@code IN_CALL_ACTION}: the action of the binding pressed
 * @param stopAfterSeconds when the stop condition now holds: the grace time before the meeting ends
 */
public record Decision(
        Action action,
        @Nullable Reason reason,
        @Nullable FlowChoice callFlow,
        @Nullable Role role,
        @Nullable String meetingRoomSid,
        @Nullable String meetingSid,
        @Nullable Boolean muted,
        @Example("2") @Nullable Integer attemptsLeft,
        List<MediaStep> media,
        Map<String, String> properties,
        Map<String, PropertySource> propertySources,
        List<String> rulesFired,
        @Example("8fc2f2950f06") String ruleBaseVersion,
        @Nullable RoomToCreate createRoom,
        boolean startMeeting,
        @Example("360") @Nullable Integer waitSeconds,
        @Example("conference_lock") @Nullable String inCallAction,
        @Example("180") @Nullable Integer stopAfterSeconds) {

    /**
     * The decision for a call whose rules could not decide: disconnect it with
     * {@link Reason#RULES_FAILED}, explained by the rule base version and the last rules fired.
     */
    public static Decision rulesFailed(String ruleBaseVersion, List<String> lastRulesFired) {
        return new Decision(
                Action.DISCONNECT,
                Reason.RULES_FAILED,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                Map.of(),
                List.copyOf(lastRulesFired),
                ruleBaseVersion,
                null,
                false,
                null,
                null,
                null);
    }
}
