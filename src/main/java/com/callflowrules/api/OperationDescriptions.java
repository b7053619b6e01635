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
 * Documents the error answers every operation can give, all with the one {@link ApiError} body,
 * and refuses an operation without its own id and summary: each controller method names itself
 * with {@code @Operation} (its tag is the controller's {@code @Tag}), so a controller added later
 * cannot rename the operations of another (springdoc's default ids are {@code get_3}, numbered in
 * discovery order).
 */
final class OperationDescriptions implements OperationCustomizer {

    /** The error body's schema name in {@code components/schemas}. */
    static final String ERROR_SCHEMA = "ApiError";

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
        io.swagger.v3.oas.annotations.Operation described =
                handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (described == null
                || described.operationId().isEmpty()
                || described.summary().isEmpty()) {
            throw new IllegalStateException("no operation id or summary for " + controller + "."
                    + handler.getMethod().getName() + ": annotate it with @Operation");
        }
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
