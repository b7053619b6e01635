package com.callflowrules.api.calls;

import com.callflowrules.api.BadParameterException;
import com.callflowrules.api.ErrorAnswers;
import com.callflowrules.api.Page;
import com.callflowrules.decision.Decision;
import com.callflowrules.numbers.PhoneNumbers;
import com.callflowrules.session.Call;
import com.callflowrules.session.CallControl;
import com.callflowrules.session.CallRepository;
import com.callflowrules.session.LiveStateAdmin;
import com.callflowrules.session.UnknownCallException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Calls")
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

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "arriveCall",
            summary = "A call arrives: decide and carry out its first step",
            description =
                    "Decides the first step of a call to number_dst and carries it out: the answer is the call as stored and the decision, with its explanation (rules fired, property sources, rule base version).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CallAnswer arrive(@RequestBody @Valid CallBodies.CallArrival arrival) {
        CallControl.Outcome outcome = control.arrive(arrival.numberDst(), arrival.numberSrc());
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    /** The caller keyed a code; an empty string is a digit timeout. */
    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "enterAccessCode",
            summary = "The caller keyed an access code (empty: a digit timeout)",
            description =
                    "At the prompt, or after the role-change binding. An empty entry is a digit timeout; an entry that is not 1 to 16 digits is a wrong attempt. 409 when the call takes no code in its state.")
    @PostMapping("/{sid}/access_code")
    CallAnswer accessCode(@PathVariable String sid, @RequestBody @Valid CallBodies.AccessCodeEntry entry) {
        CallControl.Outcome outcome = control.enterCode(sid, entry.accessCode());
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "pressKeys",
            summary = "The caller pressed keys in the meeting",
            description =
                    "Keys that match a binding do its action when the caller's role may use it; others are ignored with the reason. 409 unless the call is in a meeting.")
    @PostMapping("/{sid}/dtmf")
    CallAnswer dtmf(@PathVariable String sid, @RequestBody @Valid CallBodies.DtmfEntry entry) {
        CallControl.Outcome outcome = control.pressed(sid, entry.digits());
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    /** The caller hung up. */
    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "hangUpCall",
            summary = "The caller hung up",
            description = "The caller left: the exit tone, and the meeting's stop timer when its stop condition holds.")
    @DeleteMapping("/{sid}")
    CallAnswer hangUp(@PathVariable String sid) {
        CallControl.Outcome outcome = control.hangUp(sid);
        return new CallAnswer(outcome.call(), outcome.decision());
    }

    /** Live calls (not ended). */
    @Operation(
            operationId = "listCalls",
            summary = "List live calls",
            description = "A page of live calls (not ended).")
    @GetMapping
    Page<Call> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(calls.live(limit, offset), calls.countLive(), limit, offset);
    }

    /** Calls live or ended to or from a number, newest first. */
    @Operation(
            operationId = "findCallsByNumber",
            summary = "Find calls to or from a number, live or ended",
            description =
                    "Calls live or ended (until retention prunes them) whose dialed or calling number is number, newest first, at most limit (1..100). The number is read as every API reads one: +15550001000, 15550001000 and +1 555-000-1000 are one number.")
    @GetMapping("/search")
    java.util.List<Call> search(@RequestParam String number, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            throw new BadParameterException("limit", "must be 1..100");
        }
        if (number.isBlank()) {
            throw new BadParameterException("number", "must be a number");
        }
        // as a call keeps it: E.164 when it is a number, else as given (anonymous, a SIP user)
        return calls.withNumber(PhoneNumbers.canonicalOrAsGiven(number), limit);
    }

    /** Every decision made for the call, oldest first, kept after the call ends. */
    @Operation(
            operationId = "listCallDecisions",
            summary = "The audited decisions of a call, oldest first",
            description =
                    "Every decision made for the call, oldest first, with the event, the rules fired and the rule base version: why the call went the way it did.")
    @GetMapping("/{sid}/decisions")
    java.util.List<com.callflowrules.session.AuditEntry> decisions(@PathVariable String sid) {
        return control.decisionsOf(sid);
    }

    @Operation(
            operationId = "getCall",
            summary = "Read a call, live or ended",
            description = "A call, live or ended (until retention prunes it).")
    @GetMapping("/{sid}")
    Call get(@PathVariable String sid) {
        return calls.find(sid).orElseThrow(() -> new UnknownCallException(sid));
    }

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "updateCall",
            summary = "Mute or hold a live call",
            description = "Sets muted and on_hold of a live call (null or left out: unchanged).")
    @PatchMapping("/{sid}")
    Call patch(@PathVariable String sid, @RequestBody @Valid CallBodies.CallChanges changes) {
        return admin.updateCall(sid, changes.muted(), changes.onHold());
    }
}
