package com.callflowrules.webhooks;

import com.callflowrules.session.CallsEnded;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the platform of calls a timer ended (a waiting caller's start-wait ran out, a meeting's
 * grace time did), once that is stored: a call that came through the TwiML webhooks is ended
 * through Twilio's REST API. A failure is logged; the call is ended in the service either way.
 */
@Component
class PlatformHangups {

    private static final Logger log = LoggerFactory.getLogger(PlatformHangups.class);

    private final Optional<TwilioCalls> twilio;

    PlatformHangups(Optional<TwilioCalls> twilio) {
        this.twilio = twilio;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void ended(CallsEnded ended) {
        for (String callSid : ended.callSids()) {
            if (!TwimlController.isPlatformCallSid(callSid)) {
                continue;
            }
            if (twilio.isEmpty()) {
                log.warn("call {} ended ({}) but callflow.webhooks.twilio-account-sid is not set: the platform is not told",
                        callSid, ended.reason());
                continue;
            }
            try {
                twilio.get().complete(callSid);
            } catch (RuntimeException e) {
                log.warn("could not end call {} on the platform: {}", callSid, e.getMessage());
            }
        }
    }
}
