package com.callflowrules.session;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.decision.DecisionException;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.AdmissionRequested;
import com.callflowrules.facts.CallEvent;
import com.callflowrules.facts.RoomToCreate;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import com.callflowrules.rules.RuleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Decides an event and carries the decision out by its row of {@link CallTransitions}: one small
 * method per effect. Runs inside the caller's transaction; every
 * decision is audited before anything changes.
 */
final class CallDecisions {

    /** Call control logs under one category, whichever of its classes writes. */
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CallControl.class);

    private final DecisionEngine engine;
    private final CallFactsReader facts;
    private final MeetingRoomRepository rooms;
    private final CallRepository calls;
    private final MeetingRepository meetings;
    private final AuditRepository audit;
    private final InCallActions inCall;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallDecisions(
            DecisionEngine engine,
            CallFactsReader facts,
            MeetingRoomRepository rooms,
            CallRepository calls,
            MeetingRepository meetings,
            AuditRepository audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.engine = engine;
        this.facts = facts;
        this.rooms = rooms;
        this.calls = calls;
        this.meetings = meetings;
        this.audit = audit;
        this.inCall = new InCallActions(calls, meetings, events);
        this.events = events;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The rules' decision, or, when they cannot decide (a rule failed, the decision went past its
     * bounds, no single verdict), {@link Decision#rulesFailed}: the call is disconnected with
     * {@code RULES_FAILED} rather than left in a state no later event can leave. Nothing of the
     * failed decision is applied; the failure is audited like any decision.
     */
    Decision decide(CallEvent event, CallFacts facts) {
        return decide(null, event, facts);
    }

    /** As {@link #decide(CallEvent, CallFacts)}, with {@code ruleBase} when given instead of the running one. */
    Decision decide(@Nullable RuleBase ruleBase, CallEvent event, CallFacts facts) {
        try {
            return ruleBase == null ? engine.decide(event, facts) : engine.decideWith(ruleBase, event, facts);
        } catch (DecisionException e) {
            log.error("rules failed to decide {}: {}", event, e.getMessage());
            String version = e.ruleBaseVersion() != null
                    ? e.ruleBaseVersion()
                    : engine.ruleBase().version();
            return Decision.rulesFailed(version, e.lastRulesFired());
        }
    }

    /** Decides {@code event} for {@code call} and carries it out; a {@code fresh} call has no row yet. */
    CallControl.Outcome decideAndApply(String name, CallEvent event, Call call, boolean fresh, CallFacts facts) {
        return apply(name, call, fresh, decide(event, facts), facts, now());
    }

    /**
     * Carries {@code decision} out for {@code call} by its row of {@link CallTransitions}; a
     * {@code fresh} call has no row yet. A decision the call's state has no row for is a fault in
     * the rules: it is carried out, and audited, as {@link Decision#rulesFailed}.
     */
    CallControl.Outcome apply(String event, Call call, boolean fresh, Decision decided, CallFacts facts, Instant now) {
        CallTransitions.Move move = CallTransitions.move(event, call.state(), decided);
        Decision decision = move.decision();
        audit.record(call.callSid(), event, decision, now);
        log.debug(
                "{}: {} {} by rule base {}",
                event,
                decision.action(),
                decision.reason() == null ? "" : decision.reason(),
                decision.ruleBaseVersion());
        CallTransitions.Transition transition = move.transition();
        Call next = moved(call, transition, fresh, decision, facts, now);
        // A join that starts the meeting stored the call itself, before admitting the callers waiting for it.
        boolean storedByJoin =
                transition.effects().contains(CallTransitions.Effect.JOIN_MEETING) && decision.startMeeting();
        if (!storedByJoin) {
            store(next, fresh);
        }
        CallMediaChanged.between(call, next).ifPresent(events::publishEvent);
        return new CallControl.Outcome(next, decision);
    }

    /** The call a {@code MEETING_ENDED} stop disconnects, moved by its row of the table like any decision. */
    Call endedWithMeeting(Call call, Decision decision, Instant now) {
        return moved(call, CallTransitions.of(call.state(), decision).orElseThrow(), false, decision, null, now);
    }

    /** {@code call} once the row's effects are carried out in order, in the row's next state. */
    private Call moved(
            Call call,
            CallTransitions.Transition transition,
            boolean fresh,
            Decision decision,
            @Nullable CallFacts facts,
            Instant now) {
        Call next = call;
        for (CallTransitions.Effect effect : transition.effects()) {
            next = carryOut(effect, next, fresh, decision, facts, now);
        }
        return next.with(transition.next());
    }

    private Call carryOut(
            CallTransitions.Effect effect,
            Call call,
            boolean fresh,
            Decision decision,
            @Nullable CallFacts facts,
            Instant now) {
        return switch (effect) {
            case COUNT_ATTEMPT -> call.withAttempt();
            case COUNT_REFUSED_ROLE_CHANGE -> call.withRoleChangeRefused();
            case WAIT_IN_ROOM -> waiting(call, decision, now);
            case JOIN_MEETING -> join(call, fresh, decision, Objects.requireNonNull(facts), now);
            case TAKE_NEW_ROLE -> call.withRole(decision.role(), Boolean.TRUE.equals(decision.muted()));
            case APPLY_BINDING -> inCall.apply(call, decision.inCallAction());
            case SET_STOP_TIMER -> stopTimer(call, decision, now);
            case END ->
                call.ended(decision.reason() == null ? null : decision.reason().name(), now);
        };
    }

    /**
     * A waiting call is decided again ({@code AdmissionRequested}): its start-wait ran out
     * ({@code onlyIfDue}), or a host started its meeting. A call the decision ends is published.
     */
    boolean admitAgain(String callSid, boolean onlyIfDue) {
        Instant now = now();
        Optional<Call> found = calls.lock(callSid);
        if (found.isEmpty()
                || !CallLifecycle.takes(found.get().state(), CallLifecycle.Event.ADMISSION_CHECK)
                || onlyIfDue && found.get().waitDeadline().isAfter(now)) {
            return false;
        }
        Call call = found.get();
        CallFacts placed = facts.placed(call);
        long waited = Duration.between(call.waitStartedAt(), now).toSeconds();
        CallControl.Outcome outcome =
                apply("admission", call, false, decide(new AdmissionRequested(waited), placed), placed, now);
        if (outcome.call().state() == CallStatus.ENDED) {
            events.publishEvent(new CallsEnded(List.of(callSid), outcome.call().endReason()));
        }
        return true;
    }

    private void store(Call call, boolean fresh) {
        if (fresh) {
            calls.insert(call);
        } else {
            calls.update(call);
        }
    }

    /** Joins the call; a join that starts the meeting stores the call itself, before the waiting callers are admitted. */
    private Call join(Call call, boolean fresh, Decision decision, CallFacts facts, Instant now) {
        String roomSid = decision.meetingRoomSid();
        RoomToCreate toCreate = decision.createRoom();
        if (toCreate != null) {
            // A code another caller has just taken makes this throw; the retry finds the room.
            roomSid = rooms.create(
                            toCreate.accountSid(),
                            "ad hoc " + toCreate.accessCode(),
                            toCreate.didGroupSid(),
                            List.of(new AccessCode(toCreate.accessCode(), toCreate.codeRole())),
                            Map.of(),
                            true)
                    .meetingRoomSid();
        }
        String meetingSid = decision.meetingSid();
        if (decision.startMeeting()) {
            // A meeting another caller has just started makes this throw; the retry joins it.
            Meeting meeting = Meeting.started(
                    UUID.randomUUID().toString(), roomSid, facts.account().accountSid(), now);
            meetings.insert(meeting);
            meetingSid = meeting.meetingSid();
        }
        Call joined = call.joined(decision.role(), roomSid, meetingSid, Boolean.TRUE.equals(decision.muted()), now);
        if (decision.startMeeting()) {
            // stored joined now, so the waiting callers admitted below count it
            store(joined.with(CallStatus.JOINED), fresh);
            admitWaiting(roomSid, call.callSid());
        }
        return joined;
    }

    /** Callers waiting in a room whose meeting just started are checked again (a host has come). */
    private void admitWaiting(String roomSid, String startedBy) {
        for (Call waiting : calls.waitingIn(roomSid)) {
            if (!waiting.callSid().equals(startedBy)) {
                admitAgain(waiting.callSid(), false);
            }
        }
    }

    private Call waiting(Call call, Decision decision, Instant now) {
        Instant started = call.waitStartedAt() == null ? now : call.waitStartedAt();
        return call.waiting(
                decision.role(), decision.meetingRoomSid(), started, now.plusSeconds(decision.waitSeconds()));
    }

    private Call stopTimer(Call call, Decision decision, Instant now) {
        if (decision.stopAfterSeconds() != null && call.meetingSid() != null) {
            meetings.setStop(call.meetingSid(), now.plusSeconds(decision.stopAfterSeconds()), call.callSid());
        }
        return call;
    }
}
