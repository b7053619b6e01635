package com.callflowrules.api.configuration;

import com.callflowrules.api.ErrorAnswers;
import com.callflowrules.api.NotFoundException;
import com.callflowrules.api.Page;
import com.callflowrules.api.configuration.ConfigurationBodies.AccountFields;
import com.callflowrules.api.requests.RequestBinder;
import com.callflowrules.facts.Account;
import com.callflowrules.hierarchy.AccountRepository;
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

/** Accounts: the top of the hierarchy and the last level that can name a call flow. */
@RestController
@Tag(name = "Accounts")
@RequestMapping("/conference/v2/accounts")
class AccountController {

    private final AccountRepository accounts;
    private final FlowReferences flows;
    private final RequestBinder binder;
    private final ConfigurationWrites writes;
    private final ConfigurationWrites.Kind<Account, AccountFields> kind;

    AccountController(
            AccountRepository accounts, FlowReferences flows, RequestBinder binder, ConfigurationWrites writes) {
        this.accounts = accounts;
        this.flows = flows;
        this.binder = binder;
        this.writes = writes;
        this.kind = new ConfigurationWrites.Kind<>(
                "account",
                AccountFields.class,
                AccountFields::of,
                this::updated,
                accounts::findForUpdate,
                accounts::update);
    }

    /** Creates an account; left out, {@code call_flow_sid} is the configured default flow. */
    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "createAccount",
            summary = "Create an account",
            description =
                    "An account is the top of the hierarchy and the last level that can name a call flow. Left out, call_flow_sid is the configured default flow (a name or a sid of the running rule base).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Account create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AccountFields.class)))
                    @RequestBody
                    JsonNode json) {
        AccountFields fields =
                binder.create(json, AccountFields.class, new AccountFields(null, flows.defaultFlow(), null));
        return accounts.create(fields.name(), flows.sidOf(fields.callFlowSid()), fields.properties());
    }

    @Operation(
            operationId = "listAccounts",
            summary = "List accounts",
            description = "A page of accounts: limit 1..1000, offset from 0.")
    @GetMapping
    Page<Account> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(accounts.list(limit, offset), accounts.count(), limit, offset);
    }

    @Operation(
            operationId = "getAccount",
            summary = "Read an account",
            description = "The account with its property overrides; the ETag header carries its version for If-Match.")
    @GetMapping("/{sid}")
    Account get(@PathVariable String sid) {
        return accounts.find(sid).orElseThrow(() -> new NotFoundException("no account " + sid));
    }

    /** Changes the fields given (a merge patch): {@code properties} are merged per key and a null value removes a key. */
    @ErrorAnswers({ErrorAnswers.Answer.CONFLICT, ErrorAnswers.Answer.STALE_VERSION})
    @Operation(
            operationId = "updateAccount",
            summary = "Change some fields of an account (merge patch)",
            description =
                    "Only the fields given change; properties are merged per key and a null value removes an override. If-Match, when sent, must name the stored version.")
    @PatchMapping("/{sid}")
    Account patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AccountFields.class)))
                    @RequestBody
                    JsonNode json) {
        return writes.patch(kind, sid, json);
    }

    /** Replaces the writable fields: a field left out is unset. */
    @ErrorAnswers({ErrorAnswers.Answer.CONFLICT, ErrorAnswers.Answer.STALE_VERSION})
    @Operation(
            operationId = "replaceAccount",
            summary = "Replace the writable fields of an account",
            description = "Every writable field is replaced: a field left out is unset.")
    @PutMapping("/{sid}")
    Account put(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AccountFields.class)))
                    @RequestBody
                    JsonNode json) {
        return writes.replace(kind, sid, json);
    }

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "deleteAccount",
            summary = "Delete an account and everything under it",
            description = "The account, its DID groups, DIDs and meeting rooms are deleted.")
    @DeleteMapping("/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String sid) {
        writes.delete(kind, sid, accounts::delete);
    }

    /** The stored object with the written fields; what the API does not write stays. */
    private Account updated(Account current, AccountFields fields) {
        return new Account(
                current.accountSid(),
                fields.name(),
                flows.sidOf(fields.callFlowSid()),
                fields.properties(),
                current.dateCreated());
    }
}
