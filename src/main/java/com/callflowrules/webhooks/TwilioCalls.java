package com.callflowrules.webhooks;

/**
 * What the service asks of Twilio's REST API (or a compatible one) on its own: ending a call the
 * rules ended by a timer. An interface, so tests record the requests instead of sending them.
 */
public interface TwilioCalls {

    /** Ends the platform's call {@code callSid} ({@code Status=completed}). */
    void complete(String callSid);
}
