package com.callflowrules.session;

import com.callflowrules.facts.InCallEffect;
import com.callflowrules.facts.ParticipantMute;
import com.callflowrules.facts.Role;
import com.callflowrules.facts.RoleSet;
import com.callflowrules.properties.PropertySchema;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Carries out the in-call action of a pressed binding: the {@link InCallEffect} its schema row
 * names. The rules decided that it applies and who may use it; this only changes the live state.
 */
final class InCallActions {

    /** Whom the hold binding puts on hold: everybody but the hosts. */
    private static final RoleSet HELD = RoleSet.of(Role.PARTICIPANT, Role.LISTENER);

    private final CallRepository calls;
    private final MeetingRepository meetings;
    private final ApplicationEventPublisher events;

    InCallActions(CallRepository calls, MeetingRepository meetings, ApplicationEventPublisher events) {
        this.calls = calls;
        this.meetings = meetings;
        this.events = events;
    }

    Call apply(Call call, String action) {
        InCallEffect effect = PropertySchema.standard()
                .bindingOfAction(action)
                .orElseThrow(() ->
                        new IllegalStateException("the rules decided an action the schema does not have: " + action))
                .effect();
        switch (effect) {
            case TOGGLE_OWN_MUTE -> {
                return call.withMuted(!call.muted());
            }
            case TOGGLE_LOCK -> meetingOf(call).ifPresent(m -> meetings.update(m.withLocked(!m.locked())));
            case TOGGLE_RECORDING -> meetingOf(call).ifPresent(m -> meetings.update(m.withRecording(!m.recording())));
            case TOGGLE_PARTICIPANT_MUTE ->
                meetingOf(call).ifPresent(m -> {
                    boolean mute = !m.participantMuted().mutesParticipants();
                    meetings.update(m.withParticipantMuted(mute ? ParticipantMute.MUTED : ParticipantMute.UNMUTED));
                    forRoles(m.meetingSid(), RoleSet.of(Role.PARTICIPANT), c -> c.withMuted(mute));
                });
            case TOGGLE_HOLD ->
                meetingOf(call).ifPresent(m -> {
                    boolean hold = m.onHold().isEmpty();
                    meetings.update(m.withOnHold(hold ? HELD : RoleSet.NONE));
                    forRoles(m.meetingSid(), HELD, c -> c.withOnHold(hold));
                });
            case CHANGE_ROLE, CALL_ROUTER -> {
                // no live state to change here: the role change is a move to changing_role (CallTransitions)
            }
        }
        return call;
    }

    private java.util.Optional<Meeting> meetingOf(Call call) {
        return call.meetingSid() == null ? java.util.Optional.empty() : meetings.find(call.meetingSid());
    }

    private void forRoles(String meetingSid, RoleSet roles, UnaryOperator<Call> change) {
        for (Call c : calls.inMeeting(meetingSid)) {
            if (c.role() != null && roles.contains(c.role())) {
                Call changed = change.apply(c);
                calls.update(changed);
                CallMediaChanged.between(c, changed).ifPresent(events::publishEvent);
            }
        }
    }
}
