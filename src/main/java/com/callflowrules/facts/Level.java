package com.callflowrules.facts;

/**
 * The levels of the hierarchy that can supply a call flow or a property value. Precedence
 * between them is decided by the rules, not by this enum's order.
 */
public enum Level implements Spelled {
    CALL_FLOW,
    ACCOUNT,
    DID_GROUP,
    DID,
    MEETING_ROOM;
}
