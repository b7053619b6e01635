package com.callflowrules.facts;

/** An access code of a meeting room and the role it grants. */
public record AccessCode(String accessCode, Role role) {

    /** What an access code is, everywhere in the product: 1 to 16 digits. */
    public static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("[0-9]{1,16}");

    /** Whether {@code entry} can be an access code at all. */
    public static boolean wellFormed(String entry) {
        return entry != null && FORMAT.matcher(entry).matches();
    }
}
