package com.callflowrules.api;

import com.callflowrules.facts.Account;
import com.callflowrules.facts.Properties;
import com.callflowrules.hierarchy.AccountRepository;
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

/** Accounts: the top of the hierarchy and the last level that can name a call flow. */
@RestController
@RequestMapping("/conference/v2/accounts")
class AccountController {

    private static final Set<String> WRITABLE = RequestSchemas.fields(RequestSchemas.AccountFields.class);
    private static final Set<String> READ_ONLY = Set.of("account_sid", "date_created");

    private final AccountRepository accounts;
    private final FlowReferences flows;
    private final PropertySchema schema = PropertySchema.standard();
    private final TransactionTemplate transactions;
    private final EntityTags tags;

    AccountController(
            AccountRepository accounts, FlowReferences flows, TransactionTemplate transactions, EntityTags tags) {
        this.tags = tags;
        this.transactions = transactions;
        this.accounts = accounts;
        this.flows = flows;
    }

    /** Creates an account; left out, {@code call_flow_sid} is the configured default flow. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Account create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.AccountFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestFields body = RequestFields.of(json, WRITABLE, READ_ONLY);
        String name = body.requiredText("name", 255);
        String flow = body.has("call_flow_sid")
                ? flows.resolve(body, body.text("call_flow_sid", 36))
                : flows.defaultFlowSid(body);
        var properties = body.properties(schema, false);
        body.validate();
        return accounts.create(name, flow, properties);
    }

    @GetMapping
    Page<Account> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(accounts.list(limit, offset), accounts.count(), limit, offset);
    }

    @GetMapping("/{sid}")
    Account get(@PathVariable String sid) {
        return accounts.find(sid).orElseThrow(() -> new NotFoundException("no account " + sid));
    }

    /** Changes the fields given; {@code properties} are merged per key and a null value removes a key. */
    @PatchMapping("/{sid}")
    Account patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.AccountFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        // read, merge and write under the row lock: concurrent writes of one object serialize
        return transactions.execute(status -> {
            Account current = locked(sid);
            RequestFields body = RequestFields.of(json, WRITABLE, READ_ONLY);
            String name = body.has("name") ? body.requiredText("name", 255) : current.name();
            String flow = body.has("call_flow_sid")
                    ? flows.resolve(body, body.text("call_flow_sid", 36))
                    : current.callFlowSid();
            var properties = Properties.mergePatch(current.properties(), body.properties(schema, true));
            body.validate();
            return save(new Account(sid, name, flow, properties, current.dateCreated()));
        });
    }

    /** Replaces the writable fields: a field left out is unset. */
    @PutMapping("/{sid}")
    Account put(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.AccountFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        // read, merge and write under the row lock: concurrent writes of one object serialize
        return transactions.execute(status -> {
            Account current = locked(sid);
            RequestFields body = RequestFields.of(json, WRITABLE, READ_ONLY);
            String name = body.requiredText("name", 255);
            String flow = flows.resolve(body, body.text("call_flow_sid", 36));
            var properties = body.properties(schema, false);
            body.validate();
            return save(new Account(sid, name, flow, properties, current.dateCreated()));
        });
    }

    @DeleteMapping("/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String sid) {
        if (!accounts.delete(sid)) {
            throw new NotFoundException("no account " + sid);
        }
    }

    /** The stored object under its row lock; an {@code If-Match} that no longer holds is refused (412). */
    private Account locked(String sid) {
        Account current = accounts.findForUpdate(sid).orElseThrow(() -> new NotFoundException("no account " + sid));
        tags.requireMatch(current);
        return current;
    }

    private Account save(Account account) {
        if (!accounts.update(account)) {
            throw new NotFoundException("no account " + account.accountSid());
        }
        return account;
    }
}
