package com.callflowrules.session;

import com.callflowrules.facts.ParticipantMute;
import com.callflowrules.facts.RoleSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admin changes to live state, out of the call path: a live call's mute and hold, a running
 * meeting's lock, hold and participant mute. Nothing is decided; the change is stored under the
 * row's lock.
 */
@Service
public class LiveStateAdmin {

    private final CallRepository calls;
    private final MeetingRepository meetings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    public LiveStateAdmin(
            CallRepository calls,
            MeetingRepository meetings,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.events = events;
        this.calls = calls;
        this.meetings = meetings;
        this.transactions = transactions;
    }

    /** Sets a live call's {@code muted} and {@code on_hold} (null: unchanged). */
    public Call updateCall(String callSid, Boolean muted, Boolean onHold) {
        return transactions.execute(status -> {
            Call c = CallLifecycle.lockLive(calls, callSid);
            Call next = c.withMuted(muted == null ? c.muted() : muted).withOnHold(onHold == null ? c.onHold() : onHold);
            calls.update(next);
            CallMediaChanged.between(c, next).ifPresent(events::publishEvent);
            return next;
        });
    }

    /** Sets a running meeting's {@code locked}, {@code on_hold} and {@code participant_muted} (null: unchanged). */
    public Meeting updateMeeting(String meetingSid, Boolean locked, String onHold, String participantMuted) {
        return transactions.execute(status -> {
            Meeting m = meetings.find(meetingSid).orElseThrow(() -> new UnknownMeetingException(meetingSid));
            Meeting next = m.withLocked(locked == null ? m.locked() : locked)
                    .withOnHold(onHold == null ? m.onHold() : RoleSet.parse(onHold))
                    .withParticipantMuted(
                            participantMuted == null ? m.participantMuted() : ParticipantMute.of(participantMuted));
            meetings.update(next);
            return next;
        });
    }
}
