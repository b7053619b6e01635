package com.callflowrules.webhooks;

import com.callflowrules.session.CallControl;
import com.twilio.security.RequestValidator;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TwiML webhooks: point a number's voice webhook at {@code POST /conference/v2/twiml/voice} and
 * its status callback at {@code /conference/v2/twiml/status}. Each request is one event of call
 * control for the call the platform's {@code CallSid} names (the service's call sid is that
 * sid, so no mapping is stored); the answer is the TwiML of the decision. With an auth token
 * configured, a request whose {@code X-Twilio-Signature} Twilio's own validator does not accept
 * is refused (403) before anything is decided. Described in docs/call-routers.md, not in the
 * OpenAPI description (form bodies and XML for the platform, not for generated clients).
 */
@Hidden
@RestController
@RequestMapping(
        path = "/conference/v2/twiml",
        consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
        produces = MediaType.TEXT_XML_VALUE)
class TwimlController {

    /** The platform's call statuses that mean the caller is gone. */
    private static final Set<String> GONE = Set.of("completed", "canceled", "failed", "busy", "no-answer");

    private final CallControl calls;
    private final TwimlAnswers answers;
    private final WebhookProperties properties;

    TwimlController(CallControl calls, WebhookProperties properties) {
        this.calls = calls;
        this.properties = properties;
        this.answers = new TwimlAnswers(properties);
    }

    private static final java.util.regex.Pattern PLATFORM_CALL_SID =
            java.util.regex.Pattern.compile("CA[0-9a-fA-F]{32}");

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
    ResponseEntity<String> voice(@RequestParam Map<String, String> form, HttpServletRequest request) {
        return signed(form, request, () -> {
            CallControl.Outcome outcome = calls.arrive(
                    required(form, "To"), form.getOrDefault("From", ""), callSid(required(form, "CallSid")));
            return answers.answer(outcome.call(), outcome.decision());
        });
    }

    @PostMapping("/access_code")
    ResponseEntity<String> accessCode(@RequestParam Map<String, String> form, HttpServletRequest request) {
        return signed(form, request, () -> {
            CallControl.Outcome outcome =
                    calls.enterCode(callSid(required(form, "CallSid")), form.getOrDefault("Digits", ""));
            return answers.answer(outcome.call(), outcome.decision());
        });
    }

    /** Conference joins and leaves, and the number's call status: a leave or an ended call is a hang-up. */
    @PostMapping("/status")
    ResponseEntity<String> status(@RequestParam Map<String, String> form, HttpServletRequest request) {
        return signed(form, request, () -> {
            String sid = callSid(required(form, "CallSid"));
            boolean gone = "participant-leave".equals(form.get("StatusCallbackEvent"))
                    || GONE.contains(form.get("CallStatus"));
            if (gone) {
                calls.hangUpIfLive(sid);
            }
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
        });
    }

    private ResponseEntity<String> signed(
            Map<String, String> form, HttpServletRequest request, java.util.function.Supplier<String> answer) {
        if (properties.twilioAuthToken() != null
                && !properties.twilioAuthToken().isBlank()) {
            String signature = request.getHeader("X-Twilio-Signature");
            String url =
                    request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            if (signature == null
                    || !new RequestValidator(properties.twilioAuthToken()).validate(url, form, signature)) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN)
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("the request is not signed by the platform (X-Twilio-Signature)");
            }
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(answer.get());
        } catch (MissingWebhookFieldException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
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
