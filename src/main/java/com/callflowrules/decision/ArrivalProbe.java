package com.callflowrules.decision;

import com.callflowrules.facts.Account;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.Did;
import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseCheck;
import com.callflowrules.rules.RuleEvaluationException;
import com.callflowrules.rules.RuleMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A build-time check: every call flow of a candidate rule base must give exactly one decision
 * for a call arriving at a DID that names it. A rule base that would leave a flow's callers
 * without an answer never goes live.
 */
public final class ArrivalProbe implements RuleBaseCheck {

    @Override
    public List<RuleMessage> check(RuleBase candidate) {
        List<RuleMessage> messages = new ArrayList<>();
        for (CallFlow flow : candidate.callFlows()) {
            Did did = new Did(
                    "probe-did", "probe-account", "10000000000", null, flow.callFlowSid(), Map.of(), Instant.EPOCH);
            Account account = new Account("probe-account", "probe", null, Map.of(), Instant.EPOCH);
            try {
                DecisionEngine.decide(
                        candidate,
                        new CallArrived(did.phonenumber(), "10000000001"),
                        CallFacts.dialed(did, null, account));
            } catch (DecisionException | RuleEvaluationException e) {
                stoppedRule(candidate, e).ifPresent(messages::add);
                messages.add(new RuleMessage(
                        "call-flows/" + flow.name() + ".yaml",
                        0,
                        "call flow '" + flow.name() + "' (" + flow.behaviour().describe()
                                + ") gives no single decision for an arrival: " + e.getMessage()));
            }
        }
        return messages.stream().distinct().toList();
    }

    /** A decision stopped by its bounds: the message at the rule that was firing, where it is written. */
    private static java.util.Optional<RuleMessage> stoppedRule(RuleBase candidate, RuntimeException failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof RuleEvaluationException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof RuleEvaluationException stopped)
                || stopped.kind() != RuleEvaluationException.Kind.BOUND_EXCEEDED
                || stopped.lastRulesFired().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> fired = stopped.lastRulesFired();
        return java.util.Optional.ofNullable(candidate.atRule(
                fired.get(fired.size() - 1), "the probe arrival's decision was stopped: " + stopped.getMessage()));
    }
}
