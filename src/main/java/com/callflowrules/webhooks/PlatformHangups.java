package com.callflowrules.webhooks;

import com.callflowrules.session.CallsEnded;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the platform of calls a timer ended (a waiting caller's start-wait ran out, a meeting's
 * grace time did), once that is stored: a call that came through the TwiML webhooks is ended
 * through Twilio's REST API, one that came through the jambonz webhooks through jambonz's. A
 * failure is logged; the call is ended in the service either way.
 */
@Component
class PlatformHangups {

    private static final Logger log = LoggerFactory.getLogger(PlatformHangups.class);

    private final Optional<TwilioCalls> twilio;
    private final Optional<JambonzCalls> jambonz;
    private final PlatformCallRepository platformCalls;

    PlatformHangups(Optional<TwilioCalls> twilio, Optional<JambonzCalls> jambonz, PlatformCallRepository platformCalls) {
        this.twilio = twilio;
        this.jambonz = jambonz;
        this.platformCalls = platformCalls;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void ended(CallsEnded ended) {
        for (String callSid : ended.callSids()) {
            if (TwimlController.isPlatformCallSid(callSid)) {
                tell(twilio.map(t -> t::complete), "twilio-account-sid", callSid, callSid, ended);
            } else {
                platformCalls.platformCallSid(callSid, PlatformCallRepository.JAMBONZ)
                        .ifPresent(platformSid -> tell(jambonz.map(j -> j::complete), "jambonz-api-url", callSid, platformSid, ended));
            }
        }
    }

    private static void tell(Optional<Consumer<String>> platform, String key, String callSid, String platformSid, CallsEnded ended) {
        if (platform.isEmpty()) {
            log.warn("call {} ended ({}) but callflow.webhooks.{} is not set: the platform is not told", callSid, ended.reason(), key);
            return;
        }
        try {
            platform.get().accept(platformSid);
        } catch (RuntimeException e) {
            log.warn("could not end call {} on the platform: {}", callSid, e.getMessage());
        }
    }
}
