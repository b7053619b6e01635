package com.callflowrules.facts;

import com.callflowrules.description.Example;

/** An access code of a meeting room and the role it grants. */
public record AccessCode(@Example("1234") String accessCode, Role role) {

    /** What an access code is, everywhere in the product: 1 to 16 digits. */
    public static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("[0-9]{1,16}");

    /** Whether {@code entry} can be an access code at all. */
    public static boolean wellFormed(String entry) {
        return entry != null && FORMAT.matcher(entry).matches();
    }
}
