package com.callflowrules.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The levels of the hierarchy that can supply a call flow or a property value. Precedence
 * between them is decided by the rules, not by this enum's order.
 */
public enum Level {
    CALL_FLOW,
    ACCOUNT,
    DID_GROUP,
    DID,
    MEETING_ROOM;

    /** The snake_case name used in decisions: {@code call_flow}, {@code did_group}, ... */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase();
    }
}
