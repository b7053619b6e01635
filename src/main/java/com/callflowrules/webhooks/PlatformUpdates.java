package com.callflowrules.webhooks;

import com.callflowrules.session.CallMediaChanged;
import com.callflowrules.session.CallsEnded;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the platform what the service did to its calls on its own, once that is stored. Calls a
 * timer ended (a waiting caller's start-wait ran out, a meeting's grace time did): a call that came through the TwiML webhooks is ended
 * through Twilio's REST API, one that came through the jambonz webhooks through jambonz's. A
 * failure is logged; the call is ended in the service either way. A participant the service
 * muted, unmuted, held or released (an in-call key, a role change, an operator) is updated the same
 * way: on Twilio its mute and hold, on jambonz its mute (jambonz has no conference hold to set).
 */
@Component
class PlatformUpdates {

    private static final Logger log = LoggerFactory.getLogger(PlatformUpdates.class);

    private final Optional<TwilioCalls> twilio;
    private final Optional<JambonzCalls> jambonz;
    private final PlatformCallRepository platformCalls;

    PlatformUpdates(
            Optional<TwilioCalls> twilio, Optional<JambonzCalls> jambonz, PlatformCallRepository platformCalls) {
        this.twilio = twilio;
        this.jambonz = jambonz;
        this.platformCalls = platformCalls;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void ended(CallsEnded ended) {
        for (String callSid : ended.callSids()) {
            if (TwimlController.isPlatformCallSid(callSid)) {
                tell(
                        twilio.map(t -> t::complete),
                        "twilio-account-sid",
                        callSid,
                        callSid,
                        "ended (" + ended.reason() + ")");
            } else {
                platformCalls
                        .platformCallSid(callSid, PlatformCallRepository.JAMBONZ)
                        .ifPresent(platformSid -> tell(
                                jambonz.map(j -> j::complete),
                                "jambonz-api-url",
                                callSid,
                                platformSid,
                                "ended (" + ended.reason() + ")"));
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void mediaChanged(CallMediaChanged changed) {
        String callSid = changed.callSid();
        if (TwimlController.isPlatformCallSid(callSid)) {
            tell(
                    twilio.map(t -> sid ->
                            t.updateParticipant(changed.meetingRoomSid(), sid, changed.muted(), changed.onHold())),
                    "twilio-account-sid",
                    callSid,
                    callSid,
                    "muted " + changed.muted() + ", on hold " + changed.onHold());
        } else {
            platformCalls
                    .platformCallSid(callSid, PlatformCallRepository.JAMBONZ)
                    .ifPresent(platformSid -> tell(
                            jambonz.map(j -> sid -> j.mute(sid, changed.muted())),
                            "jambonz-api-url",
                            callSid,
                            platformSid,
                            "muted " + changed.muted()));
        }
    }

    private static void tell(
            Optional<Consumer<String>> platform, String key, String callSid, String platformSid, String what) {
        if (platform.isEmpty()) {
            log.warn("call {} {} but callflow.webhooks.{} is not set: the platform is not told", callSid, what, key);
            return;
        }
        try {
            platform.get().accept(platformSid);
        } catch (RuntimeException e) {
            log.warn("could not tell the platform that call {} {}: {}", callSid, what, e.getMessage());
        }
    }
}
