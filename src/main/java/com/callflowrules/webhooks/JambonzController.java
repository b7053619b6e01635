package com.callflowrules.webhooks;

import com.callflowrules.session.CallControl;
import com.callflowrules.session.CallStatus;
import com.callflowrules.session.RouterAnswer;
import com.callflowrules.session.RouterRequest;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * jambonz webhooks: an application's call webhook at {@code POST /conference/v2/jambonz/call}
 * and its call status webhook at {@code /conference/v2/jambonz/status}. Each request is one
 * event of call control for the call jambonz's {@code call_sid} names; the answer is the list of
 * jambonz verbs of the decision. A retry (the same call and step) gets the same answer and
 * changes nothing; a request the service cannot decide is answered with an apology and a
 * hang-up. With a webhook secret configured, a request without a valid, recent
 * {@code Jambonz-Signature} is refused (403) before anything is decided. Described in
 * docs/call-routers.md.
 */
@Hidden
@RestController
@RequestMapping(path = "/conference/v2/jambonz", produces = MediaType.APPLICATION_JSON_VALUE)
class JambonzController {

    private static final Logger LOG = LoggerFactory.getLogger(JambonzController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final Set<String> GONE = Set.of("completed", "canceled", "failed", "busy", "no-answer");
    private static final Pattern STEP = Pattern.compile("[0-9]{1,4}");

    private final CallControl calls;
    private final JambonzAnswers answers;
    private final PlatformCallRepository platformCalls;
    private final JambonzSignature signature;

    JambonzController(
            CallControl calls, WebhookProperties properties, PlatformCallRepository platformCalls, Clock clock) {
        this.calls = calls;
        this.answers = new JambonzAnswers(properties);
        this.platformCalls = platformCalls;
        this.signature = WebhookProperties.configured(properties.jambonzWebhookSecret())
                ? new JambonzSignature(properties.jambonzWebhookSecret(), clock)
                : null;
    }

    static String callSid(String jambonzCallSid) {
        return UUID.nameUUIDFromBytes(("jambonz:" + jambonzCallSid).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @PostMapping(path = "/call", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> call(
            @RequestBody byte[] body, @RequestHeader(name = JambonzSignature.HEADER, required = false) String signed) {
        return answered(body, signed, "arrive", hook -> {
            String jambonzSid = required(hook, "call_sid");
            RouterAnswer answered = calls.arrive(
                    required(hook, "to"),
                    String.valueOf(hook.getOrDefault("from", "")),
                    callSid(jambonzSid),
                    new RouterRequest("jambonz/call", this::verbs));
            answered.outcome()
                    .filter(outcome -> outcome.call().state() != CallStatus.ENDED)
                    // kept before jambonz has its answer, so a timer that ends the call later can name it to jambonz
                    .ifPresent(outcome -> platformCalls.remember(
                            outcome.call().callSid(), PlatformCallRepository.JAMBONZ, jambonzSid));
            return answered.answer();
        });
    }

    /** The gather's action hook: {@code digits}, absent on a timeout (then an empty entry, a wrong attempt). */
    @PostMapping(path = "/access_code", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> accessCode(
            @RequestBody byte[] body,
            @RequestHeader(name = JambonzSignature.HEADER, required = false) String signed,
            @RequestParam(required = false) String step) {
        return answered(body, signed, "access_code", hook -> {
            String sid = callSid(required(hook, "call_sid"));
            Object entered = hook.get("digits");
            String digits = entered == null ? "" : entered.toString();
            if (step != null && STEP.matcher(step).matches()) {
                return calls.enterCode(sid, digits, new RouterRequest("jambonz/access_code/" + step, this::verbs))
                        .answer();
            }
            return verbs(calls.enterCode(sid, digits));
        });
    }

    /** The conference's wait hook: the music a waiting caller hears. */
    @PostMapping(path = "/wait")
    ResponseEntity<String> waiting(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = JambonzSignature.HEADER, required = false) String signed,
            @RequestParam(defaultValue = "default") String music) {
        return answered(body == null ? new byte[0] : body, signed, "wait", hook -> json(answers.waitMusic(music)));
    }

    /**
     * The call status webhook and the conference's status hook. A conference {@code leave}, or a
     * call status that means the caller is gone, is a hang-up; every other event (a join, the
     * conference's start and end, talking, a call trying, ringing or in progress) is answered
     * and changes nothing.
     */
    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> status(
            @RequestBody byte[] body, @RequestHeader(name = JambonzSignature.HEADER, required = false) String signed) {
        return answered(body, signed, "status", hook -> {
            Object event = hook.get("event");
            Object status = hook.get("call_status");
            boolean gone = event == null ? status != null && GONE.contains(status.toString()) : "leave".equals(event);
            Object sid = hook.get("call_sid");
            if (gone && sid != null && !sid.toString().isBlank()) {
                calls.hangUpIfLive(callSid(sid.toString()));
            }
            return "[]";
        });
    }

    private String verbs(CallControl.Outcome outcome) {
        return json(answers.answer(outcome.call(), outcome.decision()));
    }

    private static String json(List<Map<String, Object>> verbs) {
        return JSON.writeValueAsString(verbs);
    }

    private ResponseEntity<String> answered(
            byte[] body, String signed, String event, Function<Map<String, Object>, String> answer) {
        if (signature != null) {
            String refusal = signature.refusal(signed, body);
            if (refusal != null) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN)
                        .contentType(MediaType.TEXT_PLAIN)
                        .body(refusal);
            }
        }
        Map<String, Object> hook;
        try {
            hook = body.length == 0 ? Map.of() : JSON.readValue(body, OBJECT);
        } catch (JacksonException e) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("the webhook's body is not a JSON object");
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer.apply(hook));
        } catch (MissingFieldException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        } catch (RuntimeException e) {
            // jambonz reads an error status as a failed application: an apology in its verbs instead
            Optional<String> sid = Optional.ofNullable(hook.get("call_sid"))
                    .map(Object::toString)
                    .filter(s -> !s.isBlank());
            LOG.warn("jambonz {} of call {} could not be decided: {}", event, sid.orElse("?"), e.toString());
            sid.ifPresent(s -> calls.recordUnanswered(callSid(s), event, e.getMessage()));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(answers.unavailable()));
        }
    }

    private static String required(Map<String, Object> hook, String field) {
        Object value = hook.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new MissingFieldException(field);
        }
        return value.toString();
    }

    /** A webhook without a field jambonz always sends: 400. */
    static final class MissingFieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingFieldException(String field) {
            super("the webhook has no " + field, null, false, false);
        }
    }
}
