package com.callflowrules.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The phases of one decision, in the order they run: the one place that order is declared.
 * A rule names its phase with {@code ruleflow-group "<phase>"} (Drools 10's spelling of an agenda
 * group; {@code agenda-group} is deprecated there); every rule of a phase has fired
 * before any rule of the next one. {@link PhaseCheck} refuses, at build time, a rule outside
 * these phases, and a rule that reads a fact of a later phase (it could never see it) or
 * negates a fact of its own or a later phase (its answer would depend on firing order).
 */
public enum Phase {
    /** Which call flow handles the call; drops. */
    ROUTING("routing"),
    /** Which room owns the entered code. */
    CODE_LOOKUP("code lookup"),
    /** Which room the call goes to and as whom; codes refused; admission requests. */
    PLACEMENT("placement"),
    /** One layer of property values per level that sets any. */
    PROPERTY_LAYERS("property layers"),
    /** Per key, the highest layer wins: the effective properties. */
    MERGE("merge"),
    /** Which binding the pressed keys match. */
    KEY_PRESS("key press"),
    /** Who remains in the meeting, and whether its stop condition holds. */
    STOP_CONDITION("stop condition"),
    /** The one verdict: action and reason. */
    VERDICT("verdict"),
    /** What goes with the verdict: media, mute, attempts, start and stop timers. */
    DETAILS("details");

    private static final List<Phase> IN_ORDER = List.of(values());

    private final String groupName;

    Phase(String groupName) {
        this.groupName = groupName;
    }

    /** The name rules give in {@code ruleflow-group}. */
    public String groupName() {
        return groupName;
    }

    /** Every phase, first to last. */
    public static List<Phase> inOrder() {
        return IN_ORDER;
    }

    public static Optional<Phase> ofGroup(String groupName) {
        return Arrays.stream(values())
                .filter(p -> p.groupName.equals(groupName))
                .findFirst();
    }
}
