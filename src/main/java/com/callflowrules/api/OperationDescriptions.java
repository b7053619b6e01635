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

    private record Described(String operationId, String tag, String summary) {
    }

    private static final Map<String, Described> OPERATIONS = Map.ofEntries(
            entry("AccountController.create", "createAccount", "Accounts", "Create an account"),
            entry("AccountController.list", "listAccounts", "Accounts", "List accounts"),
            entry("AccountController.get", "getAccount", "Accounts", "Read an account"),
            entry("AccountController.patch", "updateAccount", "Accounts", "Change some fields of an account (merge patch)"),
            entry("AccountController.put", "replaceAccount", "Accounts", "Replace the writable fields of an account"),
            entry("AccountController.delete", "deleteAccount", "Accounts", "Delete an account and everything under it"),
            entry("DidGroupController.create", "createDidGroup", "DID groups", "Create a DID group"),
            entry("DidGroupController.list", "listDidGroups", "DID groups", "List DID groups"),
            entry("DidGroupController.get", "getDidGroup", "DID groups", "Read a DID group"),
            entry("DidGroupController.patch", "updateDidGroup", "DID groups", "Change some fields of a DID group (merge patch)"),
            entry("DidGroupController.put", "replaceDidGroup", "DID groups", "Replace the writable fields of a DID group"),
            entry("DidGroupController.delete", "deleteDidGroup", "DID groups", "Delete a DID group"),
            entry("DidController.create", "createDid", "DIDs", "Create a DID (a dialed number)"),
            entry("DidController.list", "listDids", "DIDs", "List DIDs"),
            entry("DidController.get", "getDid", "DIDs", "Read a DID"),
            entry("DidController.patch", "updateDid", "DIDs", "Change some fields of a DID (merge patch)"),
            entry("DidController.put", "replaceDid", "DIDs", "Replace the writable fields of a DID"),
            entry("DidController.delete", "deleteDid", "DIDs", "Delete a DID"),
            entry("MeetingRoomController.create", "createMeetingRoom", "Meeting rooms", "Create a meeting room with its access codes"),
            entry("MeetingRoomController.list", "listMeetingRooms", "Meeting rooms", "List meeting rooms"),
            entry("MeetingRoomController.get", "getMeetingRoom", "Meeting rooms", "Read a meeting room"),
            entry("MeetingRoomController.patch", "updateMeetingRoom", "Meeting rooms", "Change some fields of a meeting room (merge patch)"),
            entry("MeetingRoomController.put", "replaceMeetingRoom", "Meeting rooms", "Replace the writable fields of a meeting room"),
            entry("MeetingRoomController.delete", "deleteMeetingRoom", "Meeting rooms", "Delete a meeting room"),
            entry("CallFlowController.list", "listCallFlows", "Call flows", "List the call flows of the running rule base"),
            entry("CallFlowController.get", "getCallFlow", "Call flows", "Read a call flow by sid or name"),
            entry("CallController.arrive", "arriveCall", "Calls", "A call arrives: decide and carry out its first step"),
            entry("CallController.accessCode", "enterAccessCode", "Calls", "The caller keyed an access code (empty: a digit timeout)"),
            entry("CallController.dtmf", "pressKeys", "Calls", "The caller pressed keys in the meeting"),
            entry("CallController.hangUp", "hangUpCall", "Calls", "The caller hung up"),
            entry("CallController.list", "listCalls", "Calls", "List live calls"),
            entry("CallController.get", "getCall", "Calls", "Read a call, live or ended"),
            entry("CallController.patch", "updateCall", "Calls", "Mute or hold a live call"),
            entry("CallController.decisions", "listCallDecisions", "Calls", "The audited decisions of a call, oldest first"),
            entry("MeetingController.list", "listMeetings", "Meetings", "List running meetings"),
            entry("MeetingController.get", "getMeeting", "Meetings", "Read a running meeting"),
            entry("MeetingController.patch", "updateMeeting", "Meetings", "Lock, hold or mute a running meeting"),
            entry("DecisionController.decide", "decideWhatIf", "Decisions", "What would happen to a call; nothing is changed"),
            entry("RulesController.current", "getRuleBase", "Rules", "The running rule base, the good versions kept and the last build"),
            entry("RulesController.validate", "validateRuleBase", "Rules", "Build and check the rule files on disk without swapping them in"),
            entry("RulesController.reload", "reloadRuleBase", "Rules", "Build, check and swap in the rule files on disk"),
            entry("RulesController.rollback", "rollbackRuleBase", "Rules", "Return to the previous good rule base"));

    private static Map.Entry<String, Described> entry(String method, String id, String tag, String summary) {
        return Map.entry(method, new Described(id, tag, summary));
    }

    /** Whether an operation of this controller can meet a concurrent or stateful conflict (409). */
    private static final List<String> CONFLICTS = List.of("AccountController", "DidGroupController", "DidController",
            "MeetingRoomController", "CallController", "RulesController");

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
        operation.setTags(List.of(described.tag()));
        ApiResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean pathSid = handler.getMethod().getParameterCount() > 0
                && java.util.Arrays.stream(handler.getMethod().getParameters()).anyMatch(p -> p.getName().equals("sid"));
        boolean paged = java.util.Arrays.stream(handler.getMethod().getParameters()).anyMatch(p -> p.getName().equals("limit"));
        boolean writes = !"GET".equals(httpMethod(handler));
        error(responses, "401", "No or wrong credentials (HTTP Basic)");
        if (body || paged) {
            error(responses, "400", body ? "The body is not JSON, or a parameter is malformed" : "limit or offset out of range");
        }
        if (pathSid) {
            error(responses, "404", "No object with that sid");
        }
        if (writes && CONFLICTS.contains(controller)) {
            error(responses, "409", "The change conflicts with the stored state (a code taken, an event the call is not in a state for)");
        }
        if (body) {
            error(responses, "415", "The body is not application/json");
            error(responses, "422", "A field has a wrong value: every problem is listed in errors");
        }
        if (("PUT".equals(httpMethod(handler)) || "PATCH".equals(httpMethod(handler))) && CONFLICTS.contains(controller)
                && !controller.equals("CallController")) {
            error(responses, "412", "If-Match names another version than the stored one");
        }
        return operation;
    }

    private static String httpMethod(HandlerMethod handler) {
        org.springframework.web.bind.annotation.RequestMapping mapping = org.springframework.core.annotation.AnnotatedElementUtils
                .findMergedAnnotation(handler.getMethod(), org.springframework.web.bind.annotation.RequestMapping.class);
        return mapping == null || mapping.method().length == 0 ? "GET" : mapping.method()[0].name();
    }

    private static void error(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)))));
    }

    /** The {@link ApiError} schemas, to add to the components. */
    static Map<String, Schema> errorSchemas() {
        return ModelConverters.getInstance().readAll(ApiError.class);
    }
}
