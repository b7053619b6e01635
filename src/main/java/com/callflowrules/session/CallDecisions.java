package com.callflowrules.session;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.decision.DecisionException;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.AdmissionRequested;
import com.callflowrules.facts.CallEvent;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.RoomToCreate;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import com.callflowrules.rules.RuleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Decides an event and carries the decision out: one small method per action (the table is in
 * docs/architecture.md, "The life of a call"). Runs inside the caller's transaction; every
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

    /** Carries {@code decision} out for {@code call}; a {@code fresh} call has no row yet. */
    CallControl.Outcome apply(String event, Call call, boolean fresh, Decision decision, CallFacts facts, Instant now) {
        audit.record(call.callSid(), event, decision, now);
        log.debug(
                "{}: {} {} by rule base {}",
                event,
                decision.action(),
                decision.reason() == null ? "" : decision.reason(),
                decision.ruleBaseVersion());
        Call next = switch (decision.action()) {
            case DROP -> call.ended(decision.reason().name(), now);
            case DISCONNECT ->
                (decision.reason() == Reason.TOO_MANY_ATTEMPTS ? call.withAttempt() : call)
                        .ended(decision.reason().name(), now);
            case PROMPT_ACCESS_CODE -> call.with(CallStatus.PROMPTING);
            case REPROMPT_ACCESS_CODE -> call.withAttempt();
            case WAIT -> waiting(call, decision, now);
            case JOIN ->
                call.state() == CallStatus.CHANGING_ROLE
                        ? call.withRole(decision.role(), Boolean.TRUE.equals(decision.muted()))
                        : join(call, fresh, decision, facts, now);
            case IN_CALL_ACTION -> inCall.apply(call, decision.inCallAction());
            case IGNORE -> call.state() == CallStatus.CHANGING_ROLE ? call.withRoleChangeRefused() : call;
            case LEFT -> leave(call, decision, now);
        };
        if (!(decision.action() == Action.JOIN && decision.startMeeting())) {
            store(next, fresh);
        }
        CallMediaChanged.between(call, next).ifPresent(events::publishEvent);
        return new CallControl.Outcome(next, decision);
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
            store(joined, fresh);
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

    private Call leave(Call call, Decision decision, Instant now) {
        if (decision.stopAfterSeconds() != null && call.meetingSid() != null) {
            meetings.setStop(call.meetingSid(), now.plusSeconds(decision.stopAfterSeconds()), call.callSid());
        }
        return call.ended(null, now);
    }
}
