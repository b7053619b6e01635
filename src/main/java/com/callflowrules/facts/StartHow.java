package com.callflowrules.facts;

/**
 * How a meeting starts ({@code conference_start_how}): when its first caller joins, or only when
 * a host does. Spelled {@code first} or {@code host} in property values; rules read it with
 * {@code startHow("conference_start_how") == StartHow.HOST}.
 */
public enum StartHow implements Spelled {
    /** The first caller to join starts the meeting. */
    FIRST,
    /** Only a host starts it; the others wait. */
    HOST;

    /** The value spelled {@code spelling} ({@code first}, {@code host}); throws for any other. */
    public static StartHow of(String spelling) {
        return Spelled.parse(StartHow.class, spelling);
    }
}
