package com.callflowrules.facts;

/** Access levels of a caller, with the one-letter forms used by role-set properties. */
public enum Role implements Spelled {
    /** Moderator: may mute, hold, lock and record. */
    HOST('h'),
    /** Talks. */
    PARTICIPANT('p'),
    /** Listen-only. */
    LISTENER('l');

    private final char letter;

    Role(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public static Role fromLetter(char letter) {
        for (Role role : values()) {
            if (role.letter == letter) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role letter '" + letter + "' (expected h, p or l)");
    }
}
