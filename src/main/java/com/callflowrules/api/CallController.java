package com.callflowrules.api;

import com.callflowrules.decision.Decision;
import com.callflowrules.session.Call;
import com.callflowrules.session.CallControl;
import com.callflowrules.session.CallRepository;
import com.callflowrules.session.LiveStateAdmin;
import com.callflowrules.session.UnknownCallException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Call control: what a call router calls as a call arrives, keys digits and hangs up. */
@RestController
@RequestMapping("/conference/v2/calls")
class CallController {

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
    CallAnswer arrive(@RequestBody @Valid RequestSchemas.CallArrival arrival) {
        CallControl.Outcome outcome = control.arrive(arrival.numberDst(), arrival.numberSrc());
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    /** The caller keyed a code; an empty string is a digit timeout. */
    @PostMapping("/{sid}/access_code")
    CallAnswer accessCode(@PathVariable String sid, @RequestBody @Valid RequestSchemas.AccessCodeEntry entry) {
        CallControl.Outcome outcome = control.enterCode(sid, entry.accessCode());
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    @PostMapping("/{sid}/dtmf")
    CallAnswer dtmf(@PathVariable String sid, @RequestBody @Valid RequestSchemas.DtmfEntry entry) {
        CallControl.Outcome outcome = control.pressed(sid, entry.digits());
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
    Call patch(@PathVariable String sid, @RequestBody @Valid RequestSchemas.CallChanges changes) {
        return admin.updateCall(sid, changes.muted(), changes.onHold());
    }
}
