package com.callflowrules.api;

import com.callflowrules.decision.Decision;
import com.callflowrules.session.Call;
import com.callflowrules.session.CallControl;
import com.callflowrules.session.CallRepository;
import com.callflowrules.session.LiveStateAdmin;
import com.callflowrules.session.UnknownCallException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Call control: what a call router calls as a call arrives, keys digits and hangs up. */
@RestController
@RequestMapping("/conference/v2/calls")
class CallController {

    /** What a keypad can send (also for what-if): the rules, not this check, refuse an entry that is no access code. */
    private final CallControl control;

    private final LiveStateAdmin admin;
    private final CallRepository calls;

    CallController(CallControl control, CallRepository calls, LiveStateAdmin admin) {
        this.admin = admin;
        this.control = control;
        this.calls = calls;
    }

    /** What every call-control request answers: the call and the decision carried out. */
    record CallAnswer(Call call, Decision decision) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CallAnswer arrive(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.CallArrival.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestBody body = RequestBody.of(json, RequestSchemas.fields(RequestSchemas.CallArrival.class), Set.of());
        String dst =
                body.matching("number_dst", ValueFormats.DIALED_NUMBER_PATTERN, ValueFormats.DIALED_NUMBER_RULE, true);
        String src =
                body.matching("number_src", ValueFormats.DIALED_NUMBER_PATTERN, ValueFormats.DIALED_NUMBER_RULE, false);
        body.validate();
        CallControl.Outcome outcome = control.arrive(dst, src);
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    /** The caller keyed a code; an empty string is a digit timeout. */
    @PostMapping("/{sid}/access_code")
    CallAnswer accessCode(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.AccessCodeEntry.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestBody body = RequestBody.of(json, RequestSchemas.fields(RequestSchemas.AccessCodeEntry.class), Set.of());
        String code = json.has("access_code") && json.get("access_code").isString()
                ? json.get("access_code").asString()
                : null;
        if (code == null || !ValueFormats.CODE_ENTRY_PATTERN.matcher(code).matches()) {
            body.error(
                    "access_code",
                    "must be a string of up to 64 keys (digits, letters, * and #) (empty for a timeout)");
        }
        body.validate();
        CallControl.Outcome outcome = control.enterCode(sid, code);
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    @PostMapping("/{sid}/dtmf")
    CallAnswer dtmf(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.DtmfEntry.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestBody body = RequestBody.of(json, RequestSchemas.fields(RequestSchemas.DtmfEntry.class), Set.of());
        String digits = body.matching("digits", ValueFormats.KEYS_PATTERN, ValueFormats.KEYS_RULE, true);
        body.validate();
        CallControl.Outcome outcome = control.pressed(sid, digits);
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    /** The caller hung up. */
    @DeleteMapping("/{sid}")
    CallAnswer hangUp(@PathVariable String sid) {
        CallControl.Outcome outcome = control.hangUp(sid);
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    /** Live calls (not ended). */
    @GetMapping
    Page<Call> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(calls.live(limit, offset), calls.countLive(), limit, offset);
    }

    /** Every decision made for the call, oldest first, kept after the call ends. */
    @GetMapping("/{sid}/decisions")
    java.util.List<com.callflowrules.session.AuditEntry> decisions(@PathVariable String sid) {
        return control.decisionsOf(sid);
    }

    @GetMapping("/{sid}")
    Call get(@PathVariable String sid) {
        return calls.find(sid).orElseThrow(() -> new UnknownCallException(sid));
    }

    @PatchMapping("/{sid}")
    Call patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.CallChanges.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestBody body = RequestBody.of(json, RequestSchemas.fields(RequestSchemas.CallChanges.class), Set.of());
        Boolean muted = body.bool("muted");
        Boolean onHold = body.bool("on_hold");
        body.validate();
        return admin.updateCall(sid, muted, onHold);
    }
}
