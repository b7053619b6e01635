package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        var engine = ShippedRules.engine();
        System.out.println("warnings " + engine.ruleBase().warnings());
        Decision d = engine.decide(new CallArrived(Hierarchy.NUMBER, "1"), Hierarchy.account("secured").facts());
        System.out.println(d);
        assertThat(d.action()).isEqualTo(Action.PROMPT_ACCESS_CODE);
    }
}
