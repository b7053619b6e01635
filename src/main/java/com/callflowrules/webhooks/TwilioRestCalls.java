package com.callflowrules.webhooks;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import java.util.Iterator;

/**
 * {@link TwilioCalls} through Twilio's REST API with the helper library: a call update with
 * {@code Status=completed}, and participant updates ({@code Muted}, {@code Hold}), on the account {@code callflow.webhooks.twilio-account-sid}.
 */
final class TwilioRestCalls implements TwilioCalls {

    private final TwilioRestClient client;

    TwilioRestCalls(String accountSid, String authToken) {
        this.client = new TwilioRestClient.Builder(accountSid, authToken).build();
    }

    @Override
    public void complete(String callSid) {
        Call.updater(callSid).setStatus(Call.UpdateStatus.COMPLETED).update(client);
    }

    /** The conference's sid is found by its name (the room's sid), among running conferences. */
    @Override
    public void updateParticipant(String conferenceName, String callSid, boolean muted, boolean onHold) {
        Iterator<Conference> running = Conference.reader()
                .setFriendlyName(conferenceName)
                .setStatus(Conference.Status.IN_PROGRESS)
                .read(client)
                .iterator();
        if (!running.hasNext()) {
            throw new IllegalStateException("no running conference named " + conferenceName);
        }
        Participant.updater(running.next().getSid(), callSid)
                .setMuted(muted)
                .setHold(onHold)
                .update(client);
    }
}
