package com.callflowrules.session;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.MeetingStopDue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The timers of call control: start-wait timeouts of waiting calls and stop grace times of
 * meetings. Each timer is claimed in a transaction of its own with {@code FOR UPDATE SKIP
 * LOCKED}, so nodes firing at once share the due timers and each fires once; a timer whose row
 * an event holds is left for the next tick. Calls a timer ends are published ({@link CallsEnded}).
 */
final class CallTimers {

    /** Timers of each kind fired per tick; the rest wait for the next one. */
    private static final int PER_TICK = 1_000;

    private final CallRepository calls;
    private final MeetingRepository meetings;
    private final AuditRepository audit;
    private final CallFactsReader facts;
    private final CallDecisions decisions;
    private final RetryingTransactions transactions;
    private final ApplicationEventPublisher events;

    CallTimers(
            CallRepository calls,
            MeetingRepository meetings,
            AuditRepository audit,
            CallFactsReader facts,
            CallDecisions decisions,
            RetryingTransactions transactions,
            ApplicationEventPublisher events) {
        this.calls = calls;
        this.meetings = meetings;
        this.audit = audit;
        this.facts = facts;
        this.decisions = decisions;
        this.transactions = transactions;
        this.events = events;
    }

    /** Fires every timer that is due by the clock; returns how many fired. */
    int fireDue() {
        int fired = 0;
        while (fired < PER_TICK
                && transactions.run(() ->
                        calls.claimWaitOver(decisions.now()).map(this::timedOut).orElse(false))) {
            fired++;
        }
        int started = fired;
        while (fired - started < PER_TICK
                && transactions.run(() -> meetings.claimStopDue(decisions.now())
                        .map(this::stopIfDue)
                        .orElse(false))) {
            fired++;
        }
        return fired;
    }

    @SuppressWarnings("try") // the resource's work is its close: the logging context ends with the block
    private boolean timedOut(String callSid) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CallControl.CALL_SID, callSid)) {
            return decisions.admitAgain(callSid, true);
        }
    }

    private boolean stopIfDue(String meetingSid) {
        Instant now = decisions.now();
        Optional<Meeting> claimed = meetings.find(meetingSid);
        if (claimed.isEmpty()) {
            return false;
        }
        // The claim holds the row; read it again with its attendee counts, and check it is still due.
        List<Meeting> locked = meetings.lockInRooms(List.of(claimed.get().meetingRoomSid()));
        if (locked.isEmpty()
                || !locked.get(0).meetingSid().equals(meetingSid)
                || locked.get(0).stopDueAt() == null
                || locked.get(0).stopDueAt().isAfter(now)) {
            return false;
        }
        Meeting meeting = locked.get(0);
        Call lastLeaver = calls.find(meeting.stopCallSid()).orElseThrow();
        CallFacts placed = facts.placed(lastLeaver).withMeetings(List.of(meeting.state()));
        Decision decision = decisions.decide(new MeetingStopDue(), placed);
        audit.record(lastLeaver.callSid(), "meeting_stop", decision, now);
        if (decision.action() == Action.DISCONNECT) {
            List<String> ended = new ArrayList<>();
            for (Call call : calls.inMeeting(meetingSid)) {
                calls.update(decisions.endedWithMeeting(call, decision, now));
                ended.add(call.callSid());
            }
            meetings.delete(meetingSid);
            if (!ended.isEmpty()) {
                events.publishEvent(new CallsEnded(ended, decision.reason().name()));
            }
        } else {
            meetings.setStop(meetingSid, null, null);
        }
        return true;
    }
}
