package com.callflowrules.api.configuration;

import com.callflowrules.api.ErrorAnswers;
import com.callflowrules.api.NotFoundException;
import com.callflowrules.api.Page;
import com.callflowrules.api.configuration.ConfigurationBodies.DidGroupFields;
import com.callflowrules.api.requests.RequestBinder;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.hierarchy.DidGroupRepository;
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

/** DID groups: numbers of one account that share a call flow and property overrides. */
@RestController
@Tag(name = "DID groups")
@RequestMapping("/conference/v2/did_groups")
class DidGroupController {

    private final DidGroupRepository groups;
    private final FlowReferences flows;
    private final RequestBinder binder;
    private final ConfigurationWrites writes;
    private final ConfigurationWrites.Kind<DidGroup, DidGroupFields> kind;

    DidGroupController(
            DidGroupRepository groups, FlowReferences flows, RequestBinder binder, ConfigurationWrites writes) {
        this.groups = groups;
        this.flows = flows;
        this.binder = binder;
        this.writes = writes;
        this.kind = new ConfigurationWrites.Kind<>(
                "DID group",
                DidGroupFields.class,
                DidGroupFields::of,
                this::updated,
                groups::findForUpdate,
                groups::update);
    }

    /** Creates a DID group of an account. */
    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "createDidGroup",
            summary = "Create a DID group",
            description =
                    "A DID group of an account; it may name a call flow and set property overrides for its DIDs and rooms.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DidGroup create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = DidGroupFields.class)))
                    @RequestBody
                    JsonNode json) {
        DidGroupFields fields = binder.create(json, DidGroupFields.class);
        return groups.create(
                fields.accountSid(), fields.name(), flows.sidOf(fields.callFlowSid()), fields.properties());
    }

    @Operation(
            operationId = "listDidGroups",
            summary = "List DID groups",
            description = "A page of DID groups, of one account when account_sid is given.")
    @GetMapping
    Page<DidGroup> list(
            @RequestParam(required = false) String account_sid,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(groups.list(account_sid, limit, offset), groups.count(account_sid), limit, offset);
    }

    @Operation(
            operationId = "getDidGroup",
            summary = "Read a DID group",
            description = "The DID group with its property overrides.")
    @GetMapping("/{sid}")
    DidGroup get(@PathVariable String sid) {
        return groups.find(sid).orElseThrow(() -> new NotFoundException("no DID group " + sid));
    }

    /** Changes the fields given (a merge patch): {@code properties} are merged per key and a null value removes a key. */
    @ErrorAnswers({ErrorAnswers.Answer.CONFLICT, ErrorAnswers.Answer.STALE_VERSION})
    @Operation(
            operationId = "updateDidGroup",
            summary = "Change some fields of a DID group (merge patch)",
            description =
                    "Only the fields given change; properties are merged per key and a null value removes an override.")
    @PatchMapping("/{sid}")
    DidGroup patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = DidGroupFields.class)))
                    @RequestBody
                    JsonNode json) {
        return writes.patch(kind, sid, json);
    }

    /** Replaces the writable fields: a field left out is unset. */
    @ErrorAnswers({ErrorAnswers.Answer.CONFLICT, ErrorAnswers.Answer.STALE_VERSION})
    @Operation(
            operationId = "replaceDidGroup",
            summary = "Replace the writable fields of a DID group",
            description = "Every writable field is replaced: a field left out is unset.")
    @PutMapping("/{sid}")
    DidGroup put(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = DidGroupFields.class)))
                    @RequestBody
                    JsonNode json) {
        return writes.replace(kind, sid, json);
    }

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "deleteDidGroup",
            summary = "Delete a DID group",
            description = "The group is deleted; its DIDs and rooms stay, with no group.")
    @DeleteMapping("/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String sid) {
        writes.delete(kind, sid, groups::delete);
    }

    /** The stored object with the written fields; what the API does not write stays. */
    private DidGroup updated(DidGroup current, DidGroupFields fields) {
        return new DidGroup(
                current.didGroupSid(),
                current.accountSid(),
                fields.name(),
                flows.sidOf(fields.callFlowSid()),
                fields.properties(),
                current.dateCreated());
    }
}
