package com.callflowrules.session;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.CallLeft;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DtmfPressed;
import com.callflowrules.facts.RoleCodeEntered;
import com.callflowrules.hierarchy.HierarchyCache;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import com.callflowrules.numbers.PhoneNumbers;
import com.callflowrules.rules.RuleBase;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a call (domain.md section 5): each event a call takes in its state
 * ({@link CallLifecycle}) is read ({@link CallFactsReader}), decided and carried out
 * ({@link CallDecisions}) in one transaction. When a concurrent writer wins a race the database
 * arbitrates (a room's code, a room's one meeting), the event is decided again from the state
 * that writer committed ({@link RetryingTransactions}), so two callers entering one new code end
 * up in one room and one meeting. Timers are {@link CallTimers}; admin changes
 * {@link LiveStateAdmin}.
 */
@Service
public class CallControl {

    /** The logging context key of the call an event belongs to. */
    public static final String CALL_SID = "call_sid";

    private final CallRepository calls;
    private final AuditRepository audit;
    private final CallFactsReader facts;
    private final CallDecisions decisions;
    private final CallTimers timers;
    private final RetryingTransactions transactions;
    private final CallWhatIfs whatIfs;

    /** {@code events} gets {@link CallsEnded} when a timer ends calls. */
    public CallControl(
            DecisionEngine engine,
            HierarchyCache hierarchy,
            MeetingRoomRepository rooms,
            CallRepository calls,
            MeetingRepository meetings,
            AuditRepository audit,
            TransactionTemplate transactions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.calls = calls;
        this.audit = audit;
        this.facts = new CallFactsReader(hierarchy, rooms, meetings);
        this.decisions = new CallDecisions(engine, facts, rooms, calls, meetings, audit, events, clock);
        this.transactions = new RetryingTransactions(transactions);
        this.whatIfs = new CallWhatIfs(calls, facts, decisions, this.transactions);
        this.timers = new CallTimers(calls, meetings, audit, facts, decisions, this.transactions, events);
    }

    /** A call and the decision just carried out for it. */
    public record Outcome(Call call, Decision decision) {}

    /** A call arrives at {@code numberDst}. */
    public Outcome arrive(String numberDst, String numberSrc) {
        return arrive(numberDst, numberSrc, UUID.randomUUID().toString());
    }

    /**
     * A call arrives at {@code dialed} from {@code calling} (any form {@link PhoneNumbers} reads;
     * kept in E.164 with its {@code +}), under {@code callSid}: a router that has its own id for
     * the call passes it (or one derived from it), so its later webhooks name the same call.
     */
    public Outcome arrive(String dialed, String calling, String callSid) {
        try {
            return transactions.run(() -> arriving(dialed, calling, callSid));
        } finally {
            MDC.remove(CALL_SID);
        }
    }

    /**
     * As {@link #arrive(String, String, String)}, for a router's keyed request: a repeat of the
     * request (a platform's retry, on any node, even while the first is being decided) gets the
     * answer kept for it and changes nothing.
     */
    public RouterAnswer arrive(String dialed, String calling, String callSid, RouterRequest request) {
        try {
            // a repeat that raced the first loses at the call's key and, retried, finds the kept answer
            return transactions.run(() -> calls.routerAnswer(callSid, request.key())
                    .map(RouterAnswer::repeat)
                    .orElseGet(() -> answered(callSid, request, arriving(dialed, calling, callSid))));
        } finally {
            MDC.remove(CALL_SID);
        }
    }

    private Outcome arriving(String dialed, String calling, String callSid) {
        // one form on the call, in its facts and in the audit, whatever form the router sent
        String numberDst = PhoneNumbers.canonicalOrAsGiven(dialed);
        String numberSrc = PhoneNumbers.canonicalOrAsGiven(calling);
        CallFactsReader.Arrival arrival = facts.arrival(numberDst, CallFactsReader.Locks.TAKE);
        Call call = Call.arrived(
                callSid, numberSrc, numberDst, arrival.did().map(Did::didSid).orElse(null), decisions.now());
        MDC.put(CALL_SID, call.callSid());
        // the call's row is written once, in the state the decision leaves it in
        return decisions.decideAndApply("arrive", new CallArrived(numberDst, numberSrc), call, true, arrival.facts());
    }

    private RouterAnswer answered(String callSid, RouterRequest request, Outcome outcome) {
        String answer = request.answer().apply(outcome);
        calls.keepRouterAnswer(callSid, request.key(), answer, decisions.now());
        return new RouterAnswer(Optional.of(outcome), answer);
    }

    /**
     * The caller keyed {@code code} (empty for a digit timeout): at the prompt, or in the meeting
     * after the role-change binding.
     */
    public Outcome enterCode(String callSid, String code) {
        return transactions.run(
                callSid, () -> enteringCode(CallLifecycle.live(calls, calls.lock(callSid), callSid), code));
    }

    /**
     * As {@link #enterCode(String, String)}, for a router's keyed request: a repeat gets the
     * answer kept for it and changes nothing. Repeats wait for the first at the call's lock, so
     * the second of two at once finds the first's answer.
     */
    public RouterAnswer enterCode(String callSid, String code, RouterRequest request) {
        return transactions.run(callSid, () -> {
            Optional<Call> locked = calls.lock(callSid);
            Optional<String> earlier = calls.routerAnswer(callSid, request.key());
            if (earlier.isPresent()) {
                return RouterAnswer.repeat(earlier.get());
            }
            return answered(callSid, request, enteringCode(CallLifecycle.live(calls, locked, callSid), code));
        });
    }

    private Outcome enteringCode(Call call, String code) {
        CallLifecycle.require(call, CallLifecycle.Event.KEYED_CODE);
        if (call.state() == CallStatus.CHANGING_ROLE) {
            return decisions.decideAndApply("role_code", new RoleCodeEntered(code), call, false, facts.placed(call));
        }
        CallFacts entry = facts.codeEntry(call, code, CallFactsReader.Locks.TAKE);
        // Only a well-formed code is kept on the call; any other entry is an attempt the rules refuse.
        Call entered = call.withAccessCode(AccessCode.wellFormed(code) ? code : null);
        return decisions.decideAndApply(
                "access_code", new AccessCodeEntered(code, call.attemptsUsed()), entered, false, entry);
    }

    /** The caller pressed {@code digits} in the meeting. */
    public Outcome pressed(String callSid, String digits) {
        return transactions.run(callSid, () -> {
            Call call = CallLifecycle.lockLive(calls, callSid);
            CallLifecycle.require(call, CallLifecycle.Event.PRESSED_KEYS);
            return decisions.decideAndApply("dtmf", new DtmfPressed(digits), call, false, facts.placed(call));
        });
    }

    /** The caller hung up. */
    public Outcome hangUp(String callSid) {
        return transactions.run(callSid, () -> {
            Call call = CallLifecycle.lockLive(calls, callSid);
            CallLifecycle.require(call, CallLifecycle.Event.HUNG_UP);
            return decisions.decideAndApply("hang_up", new CallLeft(), call, false, facts.placed(call));
        });
    }

    /**
     * The caller is gone, as a platform reports it (a conference leave, an ended call): a live
     * call hangs up; an ended or unknown one is left as it is, so a late or repeated report is
     * harmless. Checked under the call's lock, like every event.
     */
    public Optional<Outcome> hangUpIfLive(String callSid) {
        return transactions.run(
                callSid,
                () -> calls.lock(callSid)
                        .filter(call -> CallLifecycle.takes(call.state(), CallLifecycle.Event.HUNG_UP))
                        .map(call ->
                                decisions.decideAndApply("hang_up", new CallLeft(), call, false, facts.placed(call))));
    }

    /**
     * Audits a router's request for {@code callSid} that could not be decided, with the problem,
     * in a transaction of its own (the event's was rolled back). Best effort: the router has been
     * answered already, so a store that fails here is logged, not thrown.
     */
    public void recordUnanswered(String callSid, String event, String problem) {
        try {
            transactions.run(() -> {
                audit.recordUnanswered(callSid, event, problem, decisions.now());
                return null;
            });
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CallControl.class)
                    .warn("could not audit the unanswered {} of call {}: {}", event, callSid, e.toString());
        }
    }

    /**
     * What would happen to a call to {@code dialed} (with {@code accessCode}, if given), decided by
     * {@code ruleBase} (a rule release built for it) when given, else by the running rule base;
     * nothing is changed or locked.
     */
    public Decision whatIf(String dialed, String calling, String accessCode, @Nullable RuleBase ruleBase) {
        return whatIfs.arriving(dialed, calling, accessCode, ruleBase);
    }

    /**
     * What would happen if the live call {@code callSid} pressed {@code digits} in its meeting, or
     * hung up ({@code digits} null), decided by {@code ruleBase} when given: the call's own facts,
     * read without locks; nothing is changed. 404 for an unknown call, 409 for one that does not
     * take the event.
     */
    public Decision whatIfInCall(String callSid, @Nullable String digits, @Nullable RuleBase ruleBase) {
        return whatIfs.inCall(callSid, digits, ruleBase);
    }

    /**
     * Fires every timer that is due by the clock: start-wait timeouts of waiting calls and stop
     * grace times of meetings (see {@link CallTimers}). Returns how many fired.
     */
    public int fireDueTimers() {
        return timers.fireDue();
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
}
