package com.callflowrules.api.requests;

import java.util.regex.Pattern;

/**
 * The formats of the values the API takes, each defined once: the controllers check requests
 * with the compiled patterns, and the OpenAPI description states the same text (anchored, as
 * JSON Schema patterns are not).
 */
public final class ValueFormats {

    /** The message of every required field left out, in every body. */
    public static final String REQUIRED = "is required";

    /** A dialed or calling number as a call router reports it. */
    public static final String DIALED_NUMBER = "\\+?[0-9]{1,20}";

    public static final String DIALED_NUMBER_RULE = "1 to 20 digits, the E.164 + optional";
    /** A DID's number: E.164, the + optional (stored with it). */
    public static final String E164 = "\\+?[1-9][0-9]{6,14}";

    public static final String E164_RULE =
            "an E.164 number: 7 to 15 digits, the + optional, of a country code that exists and a length possible there";
    /** Keys pressed in the meeting. */
    public static final String KEYS = "[0-9*#]{1,16}";

    public static final String KEYS_RULE = "1 to 16 keys 0-9 * #";
    /** What a caller may key at the prompt; only 1 to 16 digits can be an access code. */
    public static final String CODE_ENTRY = "[0-9A-Za-z*#]{0,64}";

    public static final String CODE_ENTRY_RULE =
            "a string of up to 64 keys (digits, letters, * and #; empty for a timeout)";
    /** A meeting's participant mute mode. */
    public static final String PARTICIPANT_MUTED = "false|relaxed|true";

    public static final String PARTICIPANT_MUTED_RULE = "false, relaxed or true";
    /** A rule release's version: the first 12 hex digits of its content's digest. */
    public static final String RELEASE_VERSION = "[0-9a-f]{12}";

    public static final String RELEASE_VERSION_RULE = "a release version, 12 hex digits";
    /** An access code of a room (see AccessCode.FORMAT). */
    public static final String ACCESS_CODE = "[0-9]{1,16}";

    public static final Pattern KEYS_PATTERN = Pattern.compile(KEYS);
    public static final Pattern CODE_ENTRY_PATTERN = Pattern.compile(CODE_ENTRY);

    private ValueFormats() {}

    /** A pattern as the description states it: anchored at both ends. */
    public static String anchored(String pattern) {
        return "^(?:" + pattern + ")$";
    }
}
