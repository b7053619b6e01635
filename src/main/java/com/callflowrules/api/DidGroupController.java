package com.callflowrules.api;

import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.Properties;
import com.callflowrules.hierarchy.DidGroupRepository;
import com.callflowrules.properties.PropertySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** DID groups: numbers of one account that share a call flow and property overrides. */
@RestController
@RequestMapping("/conference/v2/did_groups")
class DidGroupController {

    private static final Set<String> WRITABLE =
            RequestSchemas.fields(RequestSchemas.DidGroupFields.class, "account_sid");
    private static final Set<String> READ_ONLY = Set.of("did_group_sid", "date_created");

    private final DidGroupRepository groups;
    private final FlowReferences flows;
    private final PropertySchema schema = PropertySchema.standard();
    private final TransactionTemplate transactions;
    private final EntityTags tags;

    DidGroupController(
            DidGroupRepository groups, FlowReferences flows, TransactionTemplate transactions, EntityTags tags) {
        this.tags = tags;
        this.transactions = transactions;
        this.groups = groups;
        this.flows = flows;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DidGroup create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.DidGroupFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestFields body = RequestFields.of(json, union(WRITABLE, "account_sid"), READ_ONLY);
        String accountSid = body.requiredText("account_sid", 36);
        String name = body.requiredText("name", 255);
        String flow = flows.resolve(body, body.text("call_flow_sid", 36));
        var properties = body.properties(schema, false);
        body.validate();
        return groups.create(accountSid, name, flow, properties);
    }

    @GetMapping
    Page<DidGroup> list(
            @RequestParam(required = false) String account_sid,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(groups.list(account_sid, limit, offset), groups.count(account_sid), limit, offset);
    }

    @GetMapping("/{sid}")
    DidGroup get(@PathVariable String sid) {
        return groups.find(sid).orElseThrow(() -> new NotFoundException("no DID group " + sid));
    }

    @PatchMapping("/{sid}")
    DidGroup patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.DidGroupFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        // read, merge and write under the row lock: concurrent writes of one object serialize
        return transactions.execute(status -> {
            DidGroup current = locked(sid);
            RequestFields body = RequestFields.of(json, WRITABLE, union(READ_ONLY, "account_sid"));
            String name = body.has("name") ? body.requiredText("name", 255) : current.name();
            String flow = body.has("call_flow_sid")
                    ? flows.resolve(body, body.text("call_flow_sid", 36))
                    : current.callFlowSid();
            var properties = Properties.mergePatch(current.properties(), body.properties(schema, true));
            body.validate();
            return save(new DidGroup(sid, current.accountSid(), name, flow, properties, current.dateCreated()));
        });
    }

    @PutMapping("/{sid}")
    DidGroup put(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.DidGroupFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        // read, merge and write under the row lock: concurrent writes of one object serialize
        return transactions.execute(status -> {
            DidGroup current = locked(sid);
            RequestFields body = RequestFields.of(json, WRITABLE, union(READ_ONLY, "account_sid"));
            String name = body.requiredText("name", 255);
            String flow = flows.resolve(body, body.text("call_flow_sid", 36));
            var properties = body.properties(schema, false);
            body.validate();
            return save(new DidGroup(sid, current.accountSid(), name, flow, properties, current.dateCreated()));
        });
    }

    @DeleteMapping("/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String sid) {
        if (!groups.delete(sid)) {
            throw new NotFoundException("no DID group " + sid);
        }
    }

    /** The stored object under its row lock; an {@code If-Match} that no longer holds is refused (412). */
    private DidGroup locked(String sid) {
        DidGroup current = groups.findForUpdate(sid).orElseThrow(() -> new NotFoundException("no DID group " + sid));
        tags.requireMatch(current);
        return current;
    }

    private DidGroup save(DidGroup group) {
        if (!groups.update(group)) {
            throw new NotFoundException("no DID group " + group.didGroupSid());
        }
        return group;
    }

    static Set<String> union(Set<String> fields, String more) {
        java.util.Set<String> all = new java.util.HashSet<>(fields);
        all.add(more);
        return all;
    }
}
