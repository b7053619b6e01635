package com.callflowrules.api.configuration;

import com.callflowrules.api.ErrorAnswers;
import com.callflowrules.api.NotFoundException;
import com.callflowrules.api.Page;
import com.callflowrules.api.configuration.ConfigurationBodies.DidFields;
import com.callflowrules.api.requests.RequestBinder;
import com.callflowrules.facts.Did;
import com.callflowrules.hierarchy.DidRepository;
import com.callflowrules.numbers.PhoneNumbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** DIDs: the dialed numbers, the first level asked for a call flow. */
@RestController
@Tag(name = "DIDs")
@RequestMapping("/conference/v2/dids")
class DidController {

    private final DidRepository dids;
    private final FlowReferences flows;
    private final RequestBinder binder;
    private final ConfigurationWrites writes;
    private final ConfigurationWrites.Kind<Did, DidFields> kind;

    DidController(DidRepository dids, FlowReferences flows, RequestBinder binder, ConfigurationWrites writes) {
        this.dids = dids;
        this.flows = flows;
        this.binder = binder;
        this.writes = writes;
        this.kind = new ConfigurationWrites.Kind<>(
                "DID", DidFields.class, DidFields::of, this::updated, dids::findForUpdate, dids::update);
    }

    /** Creates a DID of an account, in a DID group of that account if given. */
    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "createDid",
            summary = "Create a DID (a dialed number)",
            description =
                    "A dialed number (E.164, stored with its +; given with or without it) of an account, in a DID group or none; the DID may name the call flow itself.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Did create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = DidFields.class)))
                    @RequestBody
                    JsonNode json) {
        DidFields fields = binder.create(json, DidFields.class);
        return dids.create(
                fields.accountSid(),
                fields.phonenumber(),
                fields.didGroupSid(),
                flows.sidOf(fields.callFlowSid()),
                fields.properties());
    }

    @Operation(
            operationId = "listDids",
            summary = "List DIDs",
            description = "A page of DIDs, of one account when account_sid is given.")
    @GetMapping
    Page<Did> list(
            @RequestParam(required = false) String account_sid,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(dids.list(account_sid, limit, offset), dids.count(account_sid), limit, offset);
    }

    @Operation(operationId = "getDid", summary = "Read a DID", description = "The DID with its property overrides.")
    @GetMapping("/{sid}")
    Did get(@PathVariable String sid) {
        return dids.find(sid).orElseThrow(() -> new NotFoundException("no DID " + sid));
    }

    /** Changes the fields given (a merge patch): {@code properties} are merged per key and a null value removes a key. */
    @ErrorAnswers({ErrorAnswers.Answer.CONFLICT, ErrorAnswers.Answer.STALE_VERSION})
    @Operation(
            operationId = "updateDid",
            summary = "Change some fields of a DID (merge patch)",
            description =
                    "Only the fields given change; properties are merged per key and a null value removes an override.")
    @PatchMapping("/{sid}")
    Did patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = DidFields.class)))
                    @RequestBody
                    JsonNode json) {
        return writes.patch(kind, sid, json);
    }

    /** Replaces the writable fields: a field left out is unset. */
    @ErrorAnswers({ErrorAnswers.Answer.CONFLICT, ErrorAnswers.Answer.STALE_VERSION})
    @Operation(
            operationId = "replaceDid",
            summary = "Replace the writable fields of a DID",
            description = "Every writable field is replaced: a field left out is unset.")
    @PutMapping("/{sid}")
    Did put(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = DidFields.class)))
                    @RequestBody
                    JsonNode json) {
        return writes.replace(kind, sid, json);
    }

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "deleteDid",
            summary = "Delete a DID",
            description = "Calls to the number are dropped from then on (UNKNOWN_NUMBER).")
    @DeleteMapping("/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String sid) {
        writes.delete(kind, sid, dids::delete);
    }

    /** The stored object with the written fields; what the API does not write stays. */
    private Did updated(Did current, DidFields fields) {
        return new Did(
                current.didSid(),
                current.accountSid(),
                // as it will be stored (the request was validated, so it reads)
                PhoneNumbers.canonical(fields.phonenumber()).orElse(fields.phonenumber()),
                fields.didGroupSid(),
                flows.sidOf(fields.callFlowSid()),
                fields.properties(),
                current.dateCreated());
    }
}
