package com.callflowrules.webhooks;

import com.callflowrules.session.CallMediaChanged;
import com.callflowrules.session.CallsEnded;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the platform what the service did to its calls on its own, once that is stored. Calls a
 * timer ended (a waiting caller's start-wait ran out, a meeting's grace time did): a call that
 * came through the TwiML webhooks is ended through Twilio's REST API, one that came through the
 * jambonz webhooks through jambonz's. A participant the service muted, unmuted, held or released
 * (an in-call key, a role change, an operator) is updated the same way: on Twilio its mute and
 * hold, on jambonz its mute (jambonz has no conference hold to set).
 *
 * <p>The platforms' APIs are called on a thread of their own, in the order the changes were
 * stored, so that neither an answer to a request nor a timer sweep waits for a platform. A
 * failure, or a backlog past {@value #BACKLOG} updates, is logged; the service's state and audit
 * stand either way.
 */
@Component
class PlatformUpdates {

    private static final Logger log = LoggerFactory.getLogger(PlatformUpdates.class);

    private final Optional<TwilioCalls> twilio;
    private final Optional<JambonzCalls> jambonz;
    private final PlatformCallRepository platformCalls;

    static final int BACKLOG = 10_000;

    /** One thread: the updates of a call reach its platform in the order they were made. */
    private final ExecutorService delivery = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(BACKLOG),
            runnable -> {
                Thread thread = new Thread(runnable, "platform-updates");
                thread.setDaemon(true);
                return thread;
            },
            (runnable, executor) -> log.warn("{} platform updates are waiting: this one is dropped", BACKLOG));

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
                        "callflow.webhooks.twilio-account-sid is not",
                        callSid,
                        callSid,
                        "ended (" + ended.reason() + ")");
            } else {
                platformCalls
                        .platformCallSid(callSid, PlatformCallRepository.JAMBONZ)
                        .ifPresent(platformSid -> tell(
                                jambonz.map(j -> j::complete),
                                "callflow.webhooks.jambonz-api-url, -account-sid and -api-key are not all",
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
                    "callflow.webhooks.twilio-account-sid is not",
                    callSid,
                    callSid,
                    "muted " + changed.muted() + ", on hold " + changed.onHold());
        } else {
            platformCalls
                    .platformCallSid(callSid, PlatformCallRepository.JAMBONZ)
                    .ifPresent(platformSid -> tell(
                            jambonz.map(j -> sid -> j.mute(sid, changed.muted())),
                            "callflow.webhooks.jambonz-api-url, -account-sid and -api-key are not all",
                            callSid,
                            platformSid,
                            "muted " + changed.muted()));
        }
    }

    private void tell(
            Optional<Consumer<String>> platform, String key, String callSid, String platformSid, String what) {
        if (platform.isEmpty()) {
            log.warn("call {} {} but {} set: the platform is not told", callSid, what, key);
            return;
        }
        Consumer<String> update = platform.get();
        delivery.execute(() -> {
            try {
                update.accept(platformSid);
            } catch (RuntimeException e) {
                log.warn("could not tell the platform that call {} {}: {}", callSid, what, e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        delivery.shutdown();
        delivery.awaitTermination(10, TimeUnit.SECONDS);
    }
}
