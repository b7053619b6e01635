package com.callflowrules.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Gives every operation a stable, meaningful id ({@code createAccount}, {@code enterAccessCode}),
 * a summary and a tag, and documents the error answers it can give, all with the one
 * {@link ApiError} body. The table is keyed by controller method, so a controller added later
 * cannot rename the operations of another (springdoc's default ids are {@code get_3}, numbered
 * in discovery order).
 */
final class OperationDescriptions implements OperationCustomizer {

    /** The error body's schema name in {@code components/schemas}. */
    static final String ERROR_SCHEMA = "ApiError";

    private record Described(String operationId, String tag, String summary, String description) {}

    private static final Map<String, Described> OPERATIONS = Map.ofEntries(
            entry(
                    "AccountController.create",
                    "createAccount",
                    "Accounts",
                    "Create an account",
                    "An account is the top of the hierarchy and the last level that can name a call flow. Left out, call_flow_sid is the configured default flow (a name or a sid of the running rule base)."),
            entry(
                    "AccountController.list",
                    "listAccounts",
                    "Accounts",
                    "List accounts",
                    "A page of accounts: limit 1..1000, offset from 0."),
            entry(
                    "AccountController.get",
                    "getAccount",
                    "Accounts",
                    "Read an account",
                    "The account with its property overrides; the ETag header carries its version for If-Match."),
            entry(
                    "AccountController.patch",
                    "updateAccount",
                    "Accounts",
                    "Change some fields of an account (merge patch)",
                    "Only the fields given change; properties are merged per key and a null value removes an override. If-Match, when sent, must name the stored version."),
            entry(
                    "AccountController.put",
                    "replaceAccount",
                    "Accounts",
                    "Replace the writable fields of an account",
                    "Every writable field is replaced: a field left out is unset."),
            entry(
                    "AccountController.delete",
                    "deleteAccount",
                    "Accounts",
                    "Delete an account and everything under it",
                    "The account, its DID groups, DIDs and meeting rooms are deleted."),
            entry(
                    "DidGroupController.create",
                    "createDidGroup",
                    "DID groups",
                    "Create a DID group",
                    "A DID group of an account; it may name a call flow and set property overrides for its DIDs and rooms."),
            entry(
                    "DidGroupController.list",
                    "listDidGroups",
                    "DID groups",
                    "List DID groups",
                    "A page of DID groups, of one account when account_sid is given."),
            entry(
                    "DidGroupController.get",
                    "getDidGroup",
                    "DID groups",
                    "Read a DID group",
                    "The DID group with its property overrides."),
            entry(
                    "DidGroupController.patch",
                    "updateDidGroup",
                    "DID groups",
                    "Change some fields of a DID group (merge patch)",
                    "Only the fields given change; properties are merged per key and a null value removes an override."),
            entry(
                    "DidGroupController.put",
                    "replaceDidGroup",
                    "DID groups",
                    "Replace the writable fields of a DID group",
                    "Every writable field is replaced: a field left out is unset."),
            entry(
                    "DidGroupController.delete",
                    "deleteDidGroup",
                    "DID groups",
                    "Delete a DID group",
                    "The group is deleted; its DIDs and rooms stay, with no group."),
            entry(
                    "DidController.create",
                    "createDid",
                    "DIDs",
                    "Create a DID (a dialed number)",
                    "A dialed number (E.164 digits, no +) of an account, in a DID group or none; the DID may name the call flow itself."),
            entry(
                    "DidController.list",
                    "listDids",
                    "DIDs",
                    "List DIDs",
                    "A page of DIDs, of one account when account_sid is given."),
            entry("DidController.get", "getDid", "DIDs", "Read a DID", "The DID with its property overrides."),
            entry(
                    "DidController.patch",
                    "updateDid",
                    "DIDs",
                    "Change some fields of a DID (merge patch)",
                    "Only the fields given change; properties are merged per key and a null value removes an override."),
            entry(
                    "DidController.put",
                    "replaceDid",
                    "DIDs",
                    "Replace the writable fields of a DID",
                    "Every writable field is replaced: a field left out is unset."),
            entry(
                    "DidController.delete",
                    "deleteDid",
                    "DIDs",
                    "Delete a DID",
                    "Calls to the number are dropped from then on (UNKNOWN_NUMBER)."),
            entry(
                    "MeetingRoomController.create",
                    "createMeetingRoom",
                    "Meeting rooms",
                    "Create a meeting room with its access codes",
                    "A room with its access codes, each with the role it grants; a code is unique per account and DID group (409 otherwise)."),
            entry(
                    "MeetingRoomController.list",
                    "listMeetingRooms",
                    "Meeting rooms",
                    "List meeting rooms",
                    "A page of rooms, of one account when account_sid is given; rooms made on the fly have ad_hoc true."),
            entry(
                    "MeetingRoomController.get",
                    "getMeetingRoom",
                    "Meeting rooms",
                    "Read a meeting room",
                    "The room with its access codes and property overrides."),
            entry(
                    "MeetingRoomController.patch",
                    "updateMeetingRoom",
                    "Meeting rooms",
                    "Change some fields of a meeting room (merge patch)",
                    "Only the fields given change; access_codes, when given, replace the room's codes."),
            entry(
                    "MeetingRoomController.put",
                    "replaceMeetingRoom",
                    "Meeting rooms",
                    "Replace the writable fields of a meeting room",
                    "Every writable field is replaced: a field left out is unset."),
            entry(
                    "MeetingRoomController.delete",
                    "deleteMeetingRoom",
                    "Meeting rooms",
                    "Delete a meeting room",
                    "The room and its codes are deleted."),
            entry(
                    "CallFlowController.list",
                    "listCallFlows",
                    "Call flows",
                    "List the call flows of the running rule base",
                    "One per definition in rules/call-flows, with its behaviour and base property values; the sid is derived from the name."),
            entry(
                    "CallFlowController.get",
                    "getCallFlow",
                    "Call flows",
                    "Read a call flow by sid or name",
                    "By sid or by name."),
            entry(
                    "CallController.arrive",
                    "arriveCall",
                    "Calls",
                    "A call arrives: decide and carry out its first step",
                    "Decides the first step of a call to number_dst and carries it out: the answer is the call as stored and the decision, with its explanation (rules fired, property sources, rule base version)."),
            entry(
                    "CallController.accessCode",
                    "enterAccessCode",
                    "Calls",
                    "The caller keyed an access code (empty: a digit timeout)",
                    "At the prompt, or after the role-change binding. An empty entry is a digit timeout; an entry that is not 1 to 16 digits is a wrong attempt. 409 when the call takes no code in its state."),
            entry(
                    "CallController.dtmf",
                    "pressKeys",
                    "Calls",
                    "The caller pressed keys in the meeting",
                    "Keys that match a binding do its action when the caller's role may use it; others are ignored with the reason. 409 unless the call is in a meeting."),
            entry(
                    "CallController.hangUp",
                    "hangUpCall",
                    "Calls",
                    "The caller hung up",
                    "The caller left: the exit tone, and the meeting's stop timer when its stop condition holds."),
            entry("CallController.list", "listCalls", "Calls", "List live calls", "A page of live calls (not ended)."),
            entry(
                    "CallController.get",
                    "getCall",
                    "Calls",
                    "Read a call, live or ended",
                    "A call, live or ended (until retention prunes it)."),
            entry(
                    "CallController.patch",
                    "updateCall",
                    "Calls",
                    "Mute or hold a live call",
                    "Sets muted and on_hold of a live call (null or left out: unchanged)."),
            entry(
                    "CallController.decisions",
                    "listCallDecisions",
                    "Calls",
                    "The audited decisions of a call, oldest first",
                    "Every decision made for the call, oldest first, with the event, the rules fired and the rule base version: why the call went the way it did."),
            entry(
                    "MeetingController.list",
                    "listMeetings",
                    "Meetings",
                    "List running meetings",
                    "A page of running meetings with their attendees by role."),
            entry(
                    "MeetingController.get",
                    "getMeeting",
                    "Meetings",
                    "Read a running meeting",
                    "A running meeting; a meeting that has ended is gone (404)."),
            entry(
                    "MeetingController.patch",
                    "updateMeeting",
                    "Meetings",
                    "Lock, hold or mute a running meeting",
                    "Sets locked, on_hold (role letters) and participant_muted (false, relaxed, true) of a running meeting."),
            entry(
                    "DecisionController.decide",
                    "decideWhatIf",
                    "Decisions",
                    "What would happen to a call; nothing is changed",
                    "Decides as for a call to number_dst (with access_code, as for that entry) against the stored hierarchy and meetings, and changes nothing: the dry run of the rules."),
            entry(
                    "RulesController.current",
                    "getRuleBase",
                    "Rules",
                    "The running rule base, the good versions kept and the last build",
                    "The version, files and flows of the running rule base, the good versions kept for rollback, and the last build, clean or refused."),
            entry(
                    "RulesController.validate",
                    "validateRuleBase",
                    "Rules",
                    "Build and check the rule files on disk without swapping them in",
                    "Compiles and checks the files on disk (allow-list, phases, meaning, arrival probe, scenario gate) without swapping them in; 422 with every message as file:line."),
            entry(
                    "RulesController.reload",
                    "reloadRuleBase",
                    "Rules",
                    "Build, check and swap in the rule files on disk",
                    "As validate, then swaps the new rule base in when it is clean; the running one keeps deciding otherwise."),
            entry(
                    "RulesController.rollback",
                    "rollbackRuleBase",
                    "Rules",
                    "Return to the previous good rule base",
                    "Returns to the previous good version; 409 when there is none."));

    private static Map.Entry<String, Described> entry(
            String method, String id, String tag, String summary, String description) {
        return Map.entry(method, new Described(id, tag, summary, description));
    }

    /** Whether an operation of this controller can meet a concurrent or stateful conflict (409). */
    private static final List<String> CONFLICTS = List.of(
            "AccountController",
            "DidGroupController",
            "DidController",
            "MeetingRoomController",
            "CallController",
            "RulesController");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName();
        String key = controller + "." + handler.getMethod().getName();
        Described described = OPERATIONS.get(key);
        if (described == null) {
            throw new IllegalStateException("no operation id for " + key + ": add it to OperationDescriptions");
        }
        operation.setOperationId(described.operationId());
        operation.setSummary(described.summary());
        operation.setDescription(described.description());
        operation.setTags(List.of(described.tag()));
        ApiResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean pathSid = handler.getMethod().getParameterCount() > 0
                && java.util.Arrays.stream(handler.getMethod().getParameters())
                        .anyMatch(p -> p.getName().equals("sid"));
        boolean paged = java.util.Arrays.stream(handler.getMethod().getParameters())
                .anyMatch(p -> p.getName().equals("limit"));
        boolean writes = !"GET".equals(httpMethod(handler));
        error(responses, "401", "No or wrong credentials (HTTP Basic)");
        if (body || paged) {
            error(
                    responses,
                    "400",
                    body ? "The body is not JSON, or a parameter is malformed" : "limit or offset out of range");
        }
        if (pathSid) {
            error(responses, "404", "No object with that sid");
        }
        if (writes && CONFLICTS.contains(controller)) {
            error(
                    responses,
                    "409",
                    "The change conflicts with the stored state (a code taken, an event the call is not in a state for)");
        }
        if (body) {
            error(responses, "415", "The body is not application/json");
            error(responses, "422", "A field has a wrong value: every problem is listed in errors");
        }
        if (("PUT".equals(httpMethod(handler)) || "PATCH".equals(httpMethod(handler)))
                && CONFLICTS.contains(controller)
                && !controller.equals("CallController")) {
            error(responses, "412", "If-Match names another version than the stored one");
        }
        return operation;
    }

    private static String httpMethod(HandlerMethod handler) {
        org.springframework.web.bind.annotation.RequestMapping mapping =
                org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
                        handler.getMethod(), org.springframework.web.bind.annotation.RequestMapping.class);
        return mapping == null || mapping.method().length == 0 ? "GET" : mapping.method()[0].name();
    }

    private static void error(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        "application/json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)))));
    }

    /** The {@link ApiError} schemas, to add to the components. */
    @SuppressWarnings("rawtypes") // swagger-core's own signature
    static Map<String, Schema> errorSchemas() {
        return ModelConverters.getInstance().readAll(ApiError.class);
    }
}
