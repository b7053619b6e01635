package com.callflowrules.webhooks;

/**
 * What the service asks of jambonz's REST API on its own: ending a call the rules ended by a
 * timer. An interface, like {@link TwilioCalls}, so that another transport can stand in.
 */
public interface JambonzCalls {

    /** Ends jambonz's call {@code callSid} ({@code call_status: completed}). */
    void complete(String callSid);
}
