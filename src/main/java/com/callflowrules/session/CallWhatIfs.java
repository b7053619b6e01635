package com.callflowrules.session;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.CallEvent;
import com.callflowrules.facts.CallLeft;
import com.callflowrules.facts.DtmfPressed;
import com.callflowrules.numbers.PhoneNumbers;
import com.callflowrules.rules.RuleBase;
import org.jspecify.annotations.Nullable;

/**
 * The what-ifs of {@link CallControl}: decisions read the way an event's are, in a read-only
 * transaction and without locks, then neither carried out nor audited.
 */
final class CallWhatIfs {

    private final CallRepository calls;
    private final CallFactsReader facts;
    private final CallDecisions decisions;
    private final RetryingTransactions transactions;

    CallWhatIfs(
            CallRepository calls, CallFactsReader facts, CallDecisions decisions, RetryingTransactions transactions) {
        this.calls = calls;
        this.facts = facts;
        this.decisions = decisions;
        this.transactions = transactions;
    }

    /** A call arriving at {@code dialed}, then entering {@code accessCode} when given. */
    Decision arriving(String dialed, String calling, @Nullable String accessCode, @Nullable RuleBase ruleBase) {
        String numberDst = PhoneNumbers.canonicalOrAsGiven(dialed);
        String numberSrc = PhoneNumbers.canonicalOrAsGiven(calling);
        return transactions.readOnly(() -> {
            CallFacts entry =
                    accessCode == null ? null : facts.codeEntryAt(numberDst, accessCode, CallFactsReader.Locks.NONE);
            if (entry == null) {
                return decisions.decide(
                        ruleBase,
                        new CallArrived(numberDst, numberSrc),
                        facts.arrival(numberDst, CallFactsReader.Locks.NONE).facts());
            }
            return decisions.decide(ruleBase, new AccessCodeEntered(accessCode, 0), entry);
        });
    }

    /** The live call {@code callSid} pressing {@code digits}, or hanging up ({@code digits} null). */
    Decision inCall(String callSid, @Nullable String digits, @Nullable RuleBase ruleBase) {
        return transactions.readOnly(() -> {
            Call call = CallLifecycle.live(calls, calls.find(callSid), callSid);
            CallLifecycle.require(
                    call, digits == null ? CallLifecycle.Event.HUNG_UP : CallLifecycle.Event.PRESSED_KEYS);
            CallEvent event = digits == null ? new CallLeft() : new DtmfPressed(digits);
            return decisions.decide(ruleBase, event, facts.placed(call, CallFactsReader.Locks.NONE));
        });
    }
}
