package com.callflowrules.session;

import com.callflowrules.decision.AccessCodeEntered;
import com.callflowrules.decision.Action;
import com.callflowrules.decision.AdmissionRequested;
import com.callflowrules.decision.CallArrived;
import com.callflowrules.decision.CallEvent;
import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.CallLeft;
import com.callflowrules.decision.CallState;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.decision.DecisionException;
import com.callflowrules.decision.DtmfPressed;
import com.callflowrules.decision.MeetingStopDue;
import com.callflowrules.decision.Reason;
import com.callflowrules.decision.RoleCodeEntered;
import com.callflowrules.decision.RoomToCreate;
import com.callflowrules.decision.outcome.Placement;
import com.callflowrules.hierarchy.AccessCode;
import com.callflowrules.hierarchy.ConflictException;
import com.callflowrules.hierarchy.Did;
import com.callflowrules.hierarchy.HierarchyCache;
import com.callflowrules.hierarchy.MeetingRoom;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a call (domain.md section 5): for each event, reads the facts from the store, asks
 * the {@link DecisionEngine}, and carries the decision out in one transaction. When a concurrent
 * writer wins a race the database arbitrates (a room's code, a room's one meeting), the event is
 * decided again from the state that writer committed, so two callers entering one new code end
 * up in one room and one meeting.
 */
@Service
public class CallControl {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CallControl.class);
    private static final int ATTEMPTS = 20;
    /** What can be an access code: an entry that is not one is an attempt the rules refuse, never looked up or stored. */
    private static final Pattern ACCESS_CODE = com.callflowrules.hierarchy.AccessCode.FORMAT;
    /** Timers of each kind fired per call of {@link #fireDueTimers()}; the rest wait for the next tick. */
    private static final int TIMERS_PER_TICK = 1_000;
    /** The logging context key of the call an event belongs to. */
    public static final String CALL_SID = "call_sid";

    private final DecisionEngine engine;
    private final HierarchyCache hierarchy;
    private final MeetingRoomRepository rooms;
    private final CallRepository calls;
    private final MeetingRepository meetings;
    private final AuditRepository audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public CallControl(DecisionEngine engine, HierarchyCache hierarchy, MeetingRoomRepository rooms, CallRepository calls,
            MeetingRepository meetings, AuditRepository audit, TransactionTemplate transactions, Clock clock) {
        this(engine, hierarchy, rooms, calls, meetings, audit, transactions, clock, event -> {
        });
    }

    /** As above, publishing {@link CallsEnded} when a timer ends calls. */
    @org.springframework.beans.factory.annotation.Autowired
    public CallControl(DecisionEngine engine, HierarchyCache hierarchy, MeetingRoomRepository rooms, CallRepository calls,
            MeetingRepository meetings, AuditRepository audit, TransactionTemplate transactions, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.engine = engine;
        this.hierarchy = hierarchy;
        this.rooms = rooms;
        this.calls = calls;
        this.meetings = meetings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A call and the decision just carried out for it. */
    public record Outcome(Call call, Decision decision) {
    }

    /** A call arrives at {@code numberDst}. */
    public Outcome arrive(String numberDst, String numberSrc) {
        return arrive(numberDst, numberSrc, UUID.randomUUID().toString());
    }

    /**
     * A call arrives at {@code numberDst}, under {@code callSid}: a router that has its own id for
     * the call derives the sid from it, so its later webhooks name the same call.
     */
    public Outcome arrive(String numberDst, String numberSrc, String callSid) {
        try {
            return arriving(numberDst, numberSrc, callSid);
        } finally {
            MDC.remove(CALL_SID);
        }
    }

    private Outcome arriving(String numberDst, String numberSrc, String callSid) {
        return retrying(() -> {
            Instant now = now();
            HierarchyCache.Reads hierarchy = this.hierarchy.reads();
            Optional<Did> did = hierarchy.didByNumber(numberDst);
            CallFacts facts = did.map(d -> dialed(hierarchy, d)).orElseGet(CallFacts::unknownNumber);
            if (did.isPresent()) {
                // a direct flow goes straight to the number's implicit room
                facts = facts.withMeetings(states(meetings.lockInRooms(List.of(Placement.implicitRoomSid(did.get().didSid())))));
            }
            Call call = Call.arrived(callSid, numberSrc, numberDst, did.map(Did::didSid).orElse(null), now);
            MDC.put(CALL_SID, call.callSid());
            // the call's row is written once, in the state the decision leaves it in
            return apply("arrive", call, true, decide(new CallArrived(numberDst, numberSrc), facts), facts, now);
        });
    }

    /**
     * The caller keyed {@code code} (empty for a digit timeout): at the prompt, or in the meeting
     * after the role-change binding.
     */
    public Outcome enterCode(String callSid, String code) {
        return retrying(callSid, () -> {
            Call call = lockLive(callSid);
            CallLifecycle.require(call, CallLifecycle.Event.KEYED_CODE);
            if (call.state() == CallStatus.CHANGING_ROLE) {
                CallFacts facts = placed(call);
                return apply("role_code", call, false, decide(new RoleCodeEntered(code), facts), facts, now());
            }
            HierarchyCache.Reads hierarchy = this.hierarchy.reads();
            Optional<Did> did = hierarchy.did(call.didSid());
            // A DID deleted under a prompted call: the rules decide on an unknown number (the call ends).
            List<MeetingRoom> owners = did.isPresent() && ACCESS_CODE.matcher(code).matches()
                    ? hierarchy.roomsWithCode(did.get().accountSid(), did.get().didGroupSid(), code) : List.of();
            // The rooms are locked before their meetings are read: a host starting a meeting and a
            // caller deciding to wait for it take the same lock, so the one that commits second sees
            // the first (no caller waits for a meeting that is running).
            rooms.lockAll(owners.stream().map(MeetingRoom::meetingRoomSid).toList());
            CallFacts facts = did.map(d -> dialed(hierarchy, d)).orElseGet(CallFacts::unknownNumber).withRoomsWithCode(owners)
                    .withMeetings(states(meetings.lockInRooms(owners.stream().map(MeetingRoom::meetingRoomSid).toList())));
            // Only a well-formed code is kept on the call; any other entry is an attempt the rules refuse.
            Call entered = call.withAccessCode(ACCESS_CODE.matcher(code).matches() ? code : null);
            return apply("access_code", entered, false, decide(new AccessCodeEntered(code, call.attemptsUsed()), facts), facts, now());
        });
    }

    /** The caller pressed {@code digits} in the meeting. */
    public Outcome pressed(String callSid, String digits) {
        return retrying(callSid, () -> {
            Call call = lockLive(callSid);
            CallLifecycle.require(call, CallLifecycle.Event.PRESSED_KEYS);
            CallFacts facts = placed(call);
            return apply("dtmf", call, false, decide(new DtmfPressed(digits), facts), facts, now());
        });
    }

    /** The caller hung up. */
    public Outcome hangUp(String callSid) {
        return retrying(callSid, () -> {
            Call call = lockLive(callSid);
            CallLifecycle.require(call, CallLifecycle.Event.HUNG_UP);
            CallFacts facts = placed(call);
            return apply("hang_up", call, false, decide(new CallLeft(), facts), facts, now());
        });
    }

    /** What would happen to a call to {@code numberDst} (with {@code accessCode}, if given); nothing is changed. */
    public Decision whatIf(String numberDst, String numberSrc, String accessCode) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            HierarchyCache.Reads hierarchy = this.hierarchy.reads();
            Optional<Did> did = hierarchy.didByNumber(numberDst);
            if (did.isEmpty()) {
                return decide(new CallArrived(numberDst, numberSrc), CallFacts.unknownNumber());
            }
            if (accessCode == null) {
                CallFacts facts = dialed(hierarchy, did.get()).withMeetings(
                        states(meetings.inRooms(List.of(Placement.implicitRoomSid(did.get().didSid())))));
                return decide(new CallArrived(numberDst, numberSrc), facts);
            }
            List<MeetingRoom> owners = ACCESS_CODE.matcher(accessCode).matches()
                    ? hierarchy.roomsWithCode(did.get().accountSid(), did.get().didGroupSid(), accessCode) : List.of();
            CallFacts facts = dialed(hierarchy, did.get()).withRoomsWithCode(owners)
                    .withMeetings(states(meetings.inRooms(owners.stream().map(MeetingRoom::meetingRoomSid).toList())));
            return decide(new AccessCodeEntered(accessCode, 0), facts);
        });
    }

    /**
     * Fires every timer that is due by the clock: start-wait timeouts of waiting calls and stop
     * grace times of meetings. Each timer is claimed in a transaction of its own with
     * {@code FOR UPDATE SKIP LOCKED}, so nodes firing at once share the due timers and each fires
     * once; a timer whose row an event holds is left for the next tick. Returns how many fired.
     */
    public int fireDueTimers() {
        int fired = 0;
        while (fired < TIMERS_PER_TICK && retrying(() -> calls.claimWaitOver(now()).map(this::timedOut).orElse(false))) {
            fired++;
        }
        int started = fired;
        while (fired - started < TIMERS_PER_TICK && retrying(() -> meetings.claimStopDue(now()).map(this::stopIfDue).orElse(false))) {
            fired++;
        }
        return fired;
    }

    private boolean timedOut(String callSid) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CALL_SID, callSid)) {
            return admitAgain(callSid, true);
        }
    }

    private boolean admitAgain(String callSid, boolean onlyIfDue) {
        Instant now = now();
        Optional<Call> found = calls.lock(callSid);
        if (found.isEmpty() || !CallLifecycle.takes(found.get().state(), CallLifecycle.Event.ADMISSION_CHECK)
                || onlyIfDue && found.get().waitDeadline().isAfter(now)) {
            return false;
        }
        Call call = found.get();
        CallFacts facts = placed(call);
        long waited = Duration.between(call.waitStartedAt(), now).toSeconds();
        Outcome outcome = apply("admission", call, false, decide(new AdmissionRequested(waited), facts), facts, now);
        if (outcome.call().state() == CallStatus.ENDED) {
            events.publishEvent(new CallsEnded(List.of(callSid), outcome.call().endReason()));
        }
        return true;
    }

    private boolean stopIfDue(String meetingSid) {
        Instant now = now();
        Optional<Meeting> claimed = meetings.find(meetingSid);
        if (claimed.isEmpty()) {
            return false;
        }
        // The claim holds the row; read it again with its attendee counts, and check it is still due.
        List<Meeting> locked = meetings.lockInRooms(List.of(claimed.get().meetingRoomSid()));
        if (locked.isEmpty() || !locked.get(0).meetingSid().equals(meetingSid)
                || locked.get(0).stopDueAt() == null || locked.get(0).stopDueAt().isAfter(now)) {
            return false;
        }
        Meeting meeting = locked.get(0);
        Call lastLeaver = calls.find(meeting.stopCallSid()).orElseThrow();
        CallFacts facts = placed(lastLeaver).withMeetings(List.of(meeting.state()));
        Decision decision = decide(new MeetingStopDue(), facts);
        audit.record(lastLeaver.callSid(), "meeting_stop", decision, now);
        if (decision.action() == Action.DISCONNECT) {
            List<String> ended = new ArrayList<>();
            for (Call call : calls.inMeeting(meetingSid)) {
                calls.update(call.ended(decision.reason().name(), now));
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

    /** Carries {@code decision} out for {@code call}; a {@code fresh} call has no row yet. */
    private Outcome apply(String event, Call call, boolean fresh, Decision decision, CallFacts facts, Instant now) {
        audit.record(call.callSid(), event, decision, now);
        log.debug("{}: {} {} by rule base {}", event, decision.action(), decision.reason() == null ? "" : decision.reason(),
                decision.ruleBaseVersion());
        Call next = switch (decision.action()) {
            case DROP -> call.ended(decision.reason().name(), now);
            case DISCONNECT -> (decision.reason() == Reason.TOO_MANY_ATTEMPTS ? call.withAttempt() : call)
                    .ended(decision.reason().name(), now);
            case PROMPT_ACCESS_CODE -> call.with(CallStatus.PROMPTING);
            case REPROMPT_ACCESS_CODE -> call.withAttempt();
            case WAIT -> waiting(call, decision, now);
            case JOIN -> call.state() == CallStatus.CHANGING_ROLE ? call.withRole(decision.role(), Boolean.TRUE.equals(decision.muted()))
                    : join(call, fresh, decision, facts, now);
            case IN_CALL_ACTION -> InCallActions.apply(call, decision.inCallAction(), this);
            case IGNORE -> call.state() == CallStatus.CHANGING_ROLE ? call.withRoleChangeRefused() : call;
            case LEFT -> leave(call, decision, now);
        };
        if (!(decision.action() == Action.JOIN && decision.startMeeting())) {
            store(next, fresh);
        }
        return new Outcome(next, decision);
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
            roomSid = rooms.create(toCreate.accountSid(), "ad hoc " + toCreate.accessCode(), toCreate.didGroupSid(),
                    List.of(new AccessCode(toCreate.accessCode(), toCreate.codeRole())), Map.of(), true).meetingRoomSid();
        }
        String meetingSid = decision.meetingSid();
        if (decision.startMeeting()) {
            // A meeting another caller has just started makes this throw; the retry joins it.
            Meeting meeting = Meeting.started(UUID.randomUUID().toString(), roomSid, facts.account().accountSid(), now);
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
        return call.waiting(decision.role(), decision.meetingRoomSid(), started, now.plusSeconds(decision.waitSeconds()));
    }

    private Call leave(Call call, Decision decision, Instant now) {
        if (decision.stopAfterSeconds() != null && call.meetingSid() != null) {
            meetings.setStop(call.meetingSid(), now.plusSeconds(decision.stopAfterSeconds()), call.callSid());
        }
        return call.ended(null, now);
    }

    /** The audited decisions of a call, oldest first; {@link UnknownCallException} for an unknown call. */
    public List<AuditEntry> decisionsOf(String callSid) {
        calls.find(callSid).orElseThrow(() -> new UnknownCallException(callSid));
        return audit.forCall(callSid);
    }

    /** A call, live or ended. */
    public Optional<Call> find(String callSid) {
        return calls.find(callSid);
    }

    /** Sets a live call's {@code muted} and {@code on_hold} (null: unchanged). */
    public Call updateCall(String callSid, Boolean muted, Boolean onHold) {
        return transactions.execute(status -> {
            Call c = lockLive(callSid);
            Call next = c.withMuted(muted == null ? c.muted() : muted).withOnHold(onHold == null ? c.onHold() : onHold);
            calls.update(next);
            return next;
        });
    }

    /** Sets a running meeting's {@code locked}, {@code on_hold} and {@code participant_muted} (null: unchanged). */
    public Meeting updateMeeting(String meetingSid, Boolean locked, String onHold, String participantMuted) {
        return transactions.execute(status -> {
            Meeting m = meetings.find(meetingSid).orElseThrow(() -> new UnknownMeetingException(meetingSid));
            Meeting next = m.withLocked(locked == null ? m.locked() : locked)
                    .withOnHold(onHold == null ? m.onHold() : onHold)
                    .withParticipantMuted(participantMuted == null ? m.participantMuted() : participantMuted);
            meetings.update(next);
            return next;
        });
    }

    Optional<Meeting> meetingOf(Call call) {
        return call.meetingSid() == null ? Optional.empty() : meetings.find(call.meetingSid());
    }

    void save(Meeting meeting) {
        meetings.update(meeting);
    }

    List<Call> callsIn(String meetingSid) {
        return calls.inMeeting(meetingSid);
    }

    void save(Call call) {
        calls.update(call);
    }

    private Call lockLive(String callSid) {
        Optional<Call> live = calls.lock(callSid);
        if (live.isEmpty() && calls.ended(callSid).isPresent()) {
            throw new CallStateException("call " + callSid + " has ended");
        }
        Call call = live.orElseThrow(() -> new UnknownCallException(callSid));
        if (call.state() == CallStatus.ENDED) {
            throw new CallStateException("call " + callSid + " has ended");
        }
        return call;
    }

    /** Facts for a call to {@code did}: the DID, its group and account. */
    private static CallFacts dialed(HierarchyCache.Reads hierarchy, Did did) {
        return CallFacts.dialed(did, did.didGroupSid() == null ? null : hierarchy.group(did.didGroupSid()).orElse(null),
                hierarchy.account(did.accountSid()).orElse(null));
    }

    /** Facts for a call with its room, role and the room's meeting. */
    private CallFacts placed(Call call) {
        HierarchyCache.Reads hierarchy = this.hierarchy.reads();
        CallFacts facts = hierarchy.did(call.didSid()).map(d -> dialed(hierarchy, d)).orElseGet(CallFacts::unknownNumber);
        if (call.meetingRoomSid() == null) {
            return facts;
        }
        return facts.withRoom(hierarchy.room(call.meetingRoomSid()).orElse(null))
                .withCall(new CallState(call.callSid(), call.role(), call.meetingRoomSid(), call.muted(),
                        call.state() == CallStatus.CHANGING_ROLE, call.roleChangesRefused()))
                .withMeetings(states(meetings.lockInRooms(List.of(call.meetingRoomSid()))));
    }

    private static List<com.callflowrules.decision.MeetingState> states(List<Meeting> running) {
        return running.stream().map(Meeting::state).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The rules' decision, or, when they cannot decide (a rule failed, the decision went past its
     * bounds, no single verdict), {@link Decision#rulesFailed}: the call is disconnected with
     * {@code RULES_FAILED} rather than left in a state no later event can leave. Nothing of the
     * failed decision is applied; the failure is audited like any decision.
     */
    private Decision decide(CallEvent event, CallFacts facts) {
        try {
            return engine.decide(event, facts);
        } catch (DecisionException e) {
            log.error("rules failed to decide {}: {}", event, e.getMessage());
            String version = e.ruleBaseVersion() != null ? e.ruleBaseVersion() : engine.ruleBase().version();
            return Decision.rulesFailed(version, e.lastRulesFired());
        }
    }

    /** Runs {@code work} for {@code callSid} (logged with it), as {@link #retrying(Supplier)}. */
    private <T> T retrying(String callSid, Supplier<T> work) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CALL_SID, callSid)) {
            return retrying(work);
        }
    }

    /** Runs {@code work} in a transaction, again from fresh state when a concurrent writer won a race. */
    private <T> T retrying(Supplier<T> work) {
        List<RuntimeException> lost = new ArrayList<>();
        while (true) {
            try {
                return transactions.execute(status -> work.get());
            } catch (ConflictException | DataIntegrityViolationException | ConcurrencyFailureException e) {
                lost.add(e);
                if (lost.size() == ATTEMPTS) {
                    throw new BusyException("the call's data stayed contended after " + ATTEMPTS + " attempts; try again", e);
                }
            }
        }
    }
}
