package com.callflowrules.webhooks;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;

/**
 * {@link TwilioCalls} through Twilio's REST API with the helper library: a call update with
 * {@code Status=completed}, on the account {@code callflow.webhooks.twilio-account-sid}.
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
}
