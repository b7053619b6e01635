package com.callflowrules.facts;

/**
 * When a meeting's stop condition holds ({@code conference_stop_how}): when its last caller
 * leaves, or when its last host does. Spelled {@code last} or {@code host} in property values;
 * rules read it with {@code stopHow("conference_stop_how") == StopHow.LAST}.
 */
public enum StopHow implements Spelled {
    /** The meeting stops when nobody is left. */
    LAST,
    /** The meeting stops when no host is left. */
    HOST;

    /** The value spelled {@code spelling} ({@code last}, {@code host}); throws for any other. */
    public static StopHow of(String spelling) {
        return Spelled.parse(StopHow.class, spelling);
    }
}
