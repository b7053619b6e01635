package com.callflowrules.support;

/**
 * The analyst's usual mistake, for the tests of decision bounds: a rule that {@code modify}s the
 * fact it matches, so it fires again without end once a key is pressed (an arrival, and so the
 * build-time probe, is unharmed unless the trigger is changed).
 */
public final class LoopingRule {

    /** A rule file that loops when a key is pressed. */
    public static final String ON_KEY_PRESS = """
            package callflow;

            import com.callflowrules.facts.*;

            declare Counter
                value : int
            end

            rule "loop: start counting"
                ruleflow-group "details"
            when
                DtmfPressed()
            then
                insert(new Counter(0));
            end

            rule "loop: count forever"
                ruleflow-group "details"
            when
                $counter : Counter()
            then
                modify($counter) { setValue($counter.getValue() + 1) }
            end
            """;

    /** The same loop started by an arrival: the arrival probe never ends. */
    public static final String ON_ARRIVAL = ON_KEY_PRESS.replace("DtmfPressed()", "CallArrived()");

    private LoopingRule() {}
}
