package com.callflowrules.webhooks;

import com.callflowrules.session.CallControl;
import com.callflowrules.session.RouterRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * TwiML webhooks: point a number's voice webhook at {@code POST /conference/v2/twiml/voice} and
 * its status callback at {@code /conference/v2/twiml/status}. Each request is one event of call
 * control for the call the platform's {@code CallSid} names (the service's call sid is that
 * sid, so no mapping is stored); the answer is the TwiML of the decision. A retry of a request
 * (the same call and step, or Twilio's {@code I-Twilio-Idempotency-Token}) gets the same answer
 * and changes nothing; a request the service cannot decide is answered with an apology and a
 * hang-up, never an error the platform would read out. With an auth token configured, a request
 * Twilio's own validator does not accept is refused (403) before anything is decided.
 * Described in docs/call-routers.md, not in the OpenAPI description (form bodies and XML for the
 * platform, not for generated clients).
 */
@Hidden
@RestController
@RequestMapping(
        path = "/conference/v2/twiml",
        consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
        produces = MediaType.TEXT_XML_VALUE)
class TwimlController {

    private static final Logger LOG = LoggerFactory.getLogger(TwimlController.class);

    /** The platform's call statuses that mean the caller is gone. */
    private static final Set<String> GONE = Set.of("completed", "canceled", "failed", "busy", "no-answer");

    /** Twilio's header that a retry of a webhook repeats. */
    static final String IDEMPOTENCY_TOKEN = "I-Twilio-Idempotency-Token";

    private static final Pattern PLATFORM_CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");
    private static final Pattern STEP = Pattern.compile("[0-9]{1,4}");

    private final CallControl calls;
    private final TwimlAnswers answers;
    private final TwilioSignature signature;

    TwimlController(CallControl calls, WebhookProperties properties) {
        this.calls = calls;
        this.answers = new TwimlAnswers(properties);
        this.signature = WebhookProperties.configured(properties.twilioAuthToken())
                ? new TwilioSignature(properties.twilioAuthToken())
                : null;
    }

    /**
     * The service's call sid for the platform's {@code CallSid}: the same, so that a timer that
     * ends the call can tell the platform which call (see {@link PlatformUpdates}).
     */
    static String callSid(String platformCallSid) {
        if (!isPlatformCallSid(platformCallSid)) {
            throw new MissingWebhookFieldException("CallSid of the form CA and 32 hexadecimal digits");
        }
        return platformCallSid;
    }

    static boolean isPlatformCallSid(String sid) {
        return sid != null && PLATFORM_CALL_SID.matcher(sid).matches();
    }

    @PostMapping("/voice")
    ResponseEntity<String> voice(HttpServletRequest request) {
        return answered(request, "arrive", form -> {
            String sid = callSid(required(form, "CallSid"));
            return calls.arrive(
                            required(form, "To"),
                            form.getOrDefault("From", ""),
                            sid,
                            new RouterRequest("twiml/voice", this::twiml))
                    .answer();
        });
    }

    /** The gather's action, and the redirect after it when no digits came ({@code Digits} absent: an empty entry). */
    @PostMapping("/access_code")
    ResponseEntity<String> accessCode(HttpServletRequest request) {
        return answered(request, "access_code", form -> {
            String sid = callSid(required(form, "CallSid"));
            String digits = form.getOrDefault("Digits", "");
            return key(request)
                    .map(key -> calls.enterCode(sid, digits, new RouterRequest(key, this::twiml))
                            .answer())
                    .orElseGet(() -> twiml(calls.enterCode(sid, digits)));
        });
    }

    /**
     * Conference events and the number's call status. A participant's leave, or a call status
     * that means the caller is gone, is a hang-up; every other event (a join, a mute, a hold,
     * the conference's start and end, an announcement's end, a call ringing or answered) is
     * answered and changes nothing. A conference event names no call status, and the
     * conference's own events no call.
     */
    @PostMapping("/status")
    ResponseEntity<String> status(HttpServletRequest request) {
        return answered(request, "status", form -> {
            String event = form.get("StatusCallbackEvent");
            String status = form.get("CallStatus");
            boolean gone = event == null ? status != null && GONE.contains(status) : event.equals("participant-leave");
            String sid = form.get("CallSid");
            if (gone && isPlatformCallSid(sid)) {
                calls.hangUpIfLive(sid);
            }
            return TwimlAnswers.empty();
        });
    }

    private String twiml(CallControl.Outcome outcome) {
        return answers.answer(outcome.call(), outcome.decision());
    }

    /**
     * The request's key among the call's: its step (in the gather's action URL), else the
     * platform's idempotency token; none for a request made without either (then it is decided
     * as it comes).
     */
    private static Optional<String> key(HttpServletRequest request) {
        String step = request.getParameter("step");
        if (step != null && STEP.matcher(step).matches()) {
            return Optional.of("twiml/access_code/" + step);
        }
        String token = request.getHeader(IDEMPOTENCY_TOKEN);
        if (token != null && !token.isBlank() && token.length() <= 128) {
            return Optional.of("twiml/token/" + token);
        }
        return Optional.empty();
    }

    private ResponseEntity<String> answered(
            HttpServletRequest request, String event, Function<Map<String, String>, String> answer) {
        if (signature != null && !signature.valid(request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("the request is not signed by the platform (" + TwilioSignature.HEADER + ")");
        }
        Map<String, String> form = TwilioSignature.postParameters(request);
        try {
            return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(answer.apply(form));
        } catch (MissingWebhookFieldException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        } catch (RuntimeException e) {
            // the platform reads an error status as an application error: an apology in its markup instead
            String sid = form.get("CallSid");
            LOG.warn("TwiML {} of call {} could not be decided: {}", event, sid, e.toString());
            if (isPlatformCallSid(sid)) {
                calls.recordUnanswered(sid, event, e.getMessage());
            }
            return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(answers.unavailable());
        }
    }

    private static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw new MissingWebhookFieldException(field);
        }
        return value;
    }

    /** A webhook without a field the platform always sends: 400. */
    static final class MissingWebhookFieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingWebhookFieldException(String field) {
            super("the webhook has no " + field, null, false, false);
        }
    }
}
