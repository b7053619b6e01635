package com.callflowrules.api;

import static com.callflowrules.api.DidGroupController.union;

import com.callflowrules.facts.Did;
import com.callflowrules.facts.Properties;
import com.callflowrules.hierarchy.DidRepository;
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

/** DIDs: the dialed numbers, the first level asked for a call flow. */
@RestController
@RequestMapping("/conference/v2/dids")
class DidController {

    private static final Set<String> WRITABLE = RequestSchemas.fields(RequestSchemas.DidFields.class, "account_sid");
    private static final Set<String> READ_ONLY = Set.of("did_sid", "date_created");

    private final DidRepository dids;
    private final FlowReferences flows;
    private final PropertySchema schema = PropertySchema.standard();
    private final TransactionTemplate transactions;
    private final EntityTags tags;

    DidController(DidRepository dids, FlowReferences flows, TransactionTemplate transactions, EntityTags tags) {
        this.tags = tags;
        this.transactions = transactions;
        this.dids = dids;
        this.flows = flows;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Did create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.DidFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestFields body = RequestFields.of(json, union(WRITABLE, "account_sid"), READ_ONLY);
        String accountSid = body.requiredText("account_sid", 36);
        String number = body.matching("phonenumber", ValueFormats.E164_PATTERN, ValueFormats.E164_RULE, true);
        String group = body.text("did_group_sid", 36);
        String flow = flows.resolve(body, body.text("call_flow_sid", 36));
        var properties = body.properties(schema, false);
        body.validate();
        return dids.create(accountSid, number, group, flow, properties);
    }

    @GetMapping
    Page<Did> list(
            @RequestParam(required = false) String account_sid,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(dids.list(account_sid, limit, offset), dids.count(account_sid), limit, offset);
    }

    @GetMapping("/{sid}")
    Did get(@PathVariable String sid) {
        return dids.find(sid).orElseThrow(() -> new NotFoundException("no DID " + sid));
    }

    @PatchMapping("/{sid}")
    Did patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.DidFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        // read, merge and write under the row lock: concurrent writes of one object serialize
        return transactions.execute(status -> {
            Did current = locked(sid);
            RequestFields body = RequestFields.of(json, WRITABLE, union(READ_ONLY, "account_sid"));
            String number = body.has("phonenumber")
                    ? body.matching("phonenumber", ValueFormats.E164_PATTERN, ValueFormats.E164_RULE, true)
                    : current.phonenumber();
            String group = body.has("did_group_sid") ? body.text("did_group_sid", 36) : current.didGroupSid();
            String flow = body.has("call_flow_sid")
                    ? flows.resolve(body, body.text("call_flow_sid", 36))
                    : current.callFlowSid();
            var properties = Properties.mergePatch(current.properties(), body.properties(schema, true));
            body.validate();
            return save(new Did(sid, current.accountSid(), number, group, flow, properties, current.dateCreated()));
        });
    }

    @PutMapping("/{sid}")
    Did put(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.DidFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        // read, merge and write under the row lock: concurrent writes of one object serialize
        return transactions.execute(status -> {
            Did current = locked(sid);
            RequestFields body = RequestFields.of(json, WRITABLE, union(READ_ONLY, "account_sid"));
            String number = body.matching("phonenumber", ValueFormats.E164_PATTERN, ValueFormats.E164_RULE, true);
            String group = body.text("did_group_sid", 36);
            String flow = flows.resolve(body, body.text("call_flow_sid", 36));
            var properties = body.properties(schema, false);
            body.validate();
            return save(new Did(sid, current.accountSid(), number, group, flow, properties, current.dateCreated()));
        });
    }

    @DeleteMapping("/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String sid) {
        if (!dids.delete(sid)) {
            throw new NotFoundException("no DID " + sid);
        }
    }

    /** The stored object under its row lock; an {@code If-Match} that no longer holds is refused (412). */
    private Did locked(String sid) {
        Did current = dids.findForUpdate(sid).orElseThrow(() -> new NotFoundException("no DID " + sid));
        tags.requireMatch(current);
        return current;
    }

    private Did save(Did did) {
        if (!dids.update(did)) {
            throw new NotFoundException("no DID " + did.didSid());
        }
        return did;
    }
}
