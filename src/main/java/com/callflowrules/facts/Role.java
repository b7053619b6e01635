package com.callflowrules.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** Access levels of a caller, with the one-letter forms used by role-set properties. */
public enum Role {
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

    /** The lower-case name used in JSON and YAML: {@code host}, {@code participant}, {@code listener}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase();
    }

    public static Role fromLetter(char letter) {
        for (Role role : values()) {
            if (role.letter == letter) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role letter '" + letter + "' (expected h, p or l)");
    }

    public static Role fromJsonName(String name) {
        for (Role role : values()) {
            if (role.jsonName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "' (expected host, participant or listener)");
    }
}
