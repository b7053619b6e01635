package com.callflowrules.webhooks;

/**
 * What the service asks of jambonz's REST API on its own: ending a call the rules ended by a
 * timer, and muting or unmuting a conference member as the service did. An interface, like {@link TwilioCalls}, so that another transport can stand in.
 */
public interface JambonzCalls {

    /** Ends jambonz's call {@code callSid} ({@code call_status: completed}). */
    void complete(String callSid);

    /** Mutes or unmutes jambonz's call {@code callSid} in its conference ({@code conf_mute_status}). */
    void mute(String callSid, boolean muted);
}
