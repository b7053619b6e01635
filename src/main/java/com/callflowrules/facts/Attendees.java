package com.callflowrules.facts;

/** How many callers of each role are in a meeting. */
public record Attendees(int hosts, int participants, int listeners) {

    public static final Attendees NONE = new Attendees(0, 0, 0);

    public Attendees {
        if (hosts < 0 || participants < 0 || listeners < 0) {
            throw new IllegalArgumentException("attendee counts cannot be negative");
        }
    }

    public int total() {
        return hosts + participants + listeners;
    }

    public int count(Role role) {
        return switch (role) {
            case HOST -> hosts;
            case PARTICIPANT -> participants;
            case LISTENER -> listeners;
        };
    }

    /** The attendees once one caller of {@code role} has left. */
    public Attendees without(Role role) {
        return new Attendees(
                hosts - (role == Role.HOST && hosts > 0 ? 1 : 0),
                participants - (role == Role.PARTICIPANT && participants > 0 ? 1 : 0),
                listeners - (role == Role.LISTENER && listeners > 0 ? 1 : 0));
    }
}
