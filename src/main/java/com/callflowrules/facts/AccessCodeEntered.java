package com.callflowrules.facts;

/**
 * The caller keyed {@code accessCode} (empty for a digit timeout); {@code attemptsUsed} counts
 * the wrong entries before this one.
 */
public record AccessCodeEntered(String accessCode, int attemptsUsed) implements CallEvent {

    public AccessCodeEntered {
        accessCode = accessCode == null ? "" : accessCode;
        if (attemptsUsed < 0) {
            throw new IllegalArgumentException("attemptsUsed cannot be negative");
        }
    }

    /** Whether the entry can be a code ({@link com.callflowrules.facts.AccessCode#FORMAT}); any other entry is a wrong attempt. */
    public boolean wellFormed() {
        return com.callflowrules.facts.AccessCode.wellFormed(accessCode);
    }
}
