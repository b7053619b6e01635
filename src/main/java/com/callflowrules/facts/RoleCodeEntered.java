package com.callflowrules.facts;

/**
 * A caller in the meeting keyed {@code accessCode} (empty for a digit timeout) after the
 * role-change binding: a code of the call's own room gives the call that code's role.
 */
public record RoleCodeEntered(String accessCode) implements CallEvent {

    public RoleCodeEntered {
        accessCode = accessCode == null ? "" : accessCode;
    }

    /** Whether the entry can be a code ({@link AccessCode#FORMAT}). */
    public boolean wellFormed() {
        return AccessCode.wellFormed(accessCode);
    }
}
