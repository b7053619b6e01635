package com.callflowrules.webhooks;

import com.callflowrules.session.CallControl;
import com.callflowrules.session.CallStatus;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * jambonz webhooks: an application's call webhook at {@code POST /conference/v2/jambonz/call}
 * and its call status webhook at {@code /conference/v2/jambonz/status}. Each request is one
 * event of call control for the call jambonz's {@code call_sid} names; the answer is the list of
 * jambonz verbs of the decision. Described in docs/call-routers.md.
 */
@Hidden
@RestController
@RequestMapping(path = "/conference/v2/jambonz", produces = MediaType.APPLICATION_JSON_VALUE)
class JambonzController {

    private static final Set<String> GONE = Set.of("completed", "failed", "busy", "no-answer");

    private final CallControl calls;
    private final JambonzAnswers answers;
    private final PlatformCallRepository platformCalls;

    JambonzController(CallControl calls, WebhookProperties properties, PlatformCallRepository platformCalls) {
        this.calls = calls;
        this.answers = new JambonzAnswers(properties);
        this.platformCalls = platformCalls;
    }

    static String callSid(String jambonzCallSid) {
        return UUID.nameUUIDFromBytes(("jambonz:" + jambonzCallSid).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @PostMapping(path = "/call", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Map<String, Object>>> call(@RequestBody Map<String, Object> hook) {
        String sid = required(hook, "call_sid");
        if (sid == null) {
            return ResponseEntity.badRequest().build();
        }
        CallControl.Outcome outcome = calls.arrive(
                String.valueOf(hook.get("to")), String.valueOf(hook.getOrDefault("from", "")), callSid(sid));
        if (outcome.call().state() != CallStatus.ENDED) {
            // kept before jambonz has its answer, so a timer that ends the call later can name it to jambonz
            platformCalls.remember(outcome.call().callSid(), PlatformCallRepository.JAMBONZ, sid);
        }
        return ResponseEntity.ok(answers.answer(outcome.call(), outcome.decision()));
    }

    /** The gather's action hook: {@code digits}, absent on a timeout (then an empty entry, a wrong attempt). */
    @PostMapping(path = "/access_code", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Map<String, Object>>> accessCode(@RequestBody Map<String, Object> hook) {
        String sid = required(hook, "call_sid");
        if (sid == null) {
            return ResponseEntity.badRequest().build();
        }
        Object digits = hook.get("digits");
        CallControl.Outcome outcome = calls.enterCode(callSid(sid), digits == null ? "" : digits.toString());
        return ResponseEntity.ok(answers.answer(outcome.call(), outcome.decision()));
    }

    /** The conference's wait hook: the music a waiting caller hears. */
    @PostMapping(path = "/wait")
    List<Map<String, Object>> waiting(@RequestParam(defaultValue = "default") String music) {
        return answers.waitMusic(music);
    }

    /** Conference join and leave events, and the call's status: a leave or an ended call is a hang-up. */
    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Map<String, Object>>> status(@RequestBody Map<String, Object> hook) {
        String sid = required(hook, "call_sid");
        if (sid == null) {
            return ResponseEntity.badRequest().build();
        }
        boolean gone = "leave".equals(hook.get("event")) || GONE.contains(String.valueOf(hook.get("call_status")));
        if (gone) {
            calls.hangUpIfLive(callSid(sid));
        }
        return ResponseEntity.ok(List.of());
    }

    private static String required(Map<String, Object> hook, String field) {
        Object value = hook.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
