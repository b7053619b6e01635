package com.callflowrules.webhooks;

/**
 * What the service asks of Twilio's REST API (or a compatible one) on its own: ending a call the
 * rules ended by a timer, and muting or holding a participant as the service did. An interface,
 * so tests record the requests instead of sending them.
 */
public interface TwilioCalls {

    /** Ends the platform's call {@code callSid} ({@code Status=completed}). */
    void complete(String callSid);

    /** Sets the mute and hold of participant {@code callSid} in the running conference named {@code conferenceName}. */
    void updateParticipant(String conferenceName, String callSid, boolean muted, boolean onHold);
}
