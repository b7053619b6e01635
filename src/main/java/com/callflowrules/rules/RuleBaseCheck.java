package com.callflowrules.rules;

import java.util.List;

/** A check a compiled rule base must pass before it may run; its messages refuse the build. */
@FunctionalInterface
public interface RuleBaseCheck {

    List<RuleMessage> check(RuleBase candidate);
}
