package com.callflowrules.api.openapi;

import com.callflowrules.api.ApiError;
import com.callflowrules.api.ErrorAnswers;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the error answers every operation can give, all with the one {@link ApiError} body:
 * those the operation's shape implies, and those its method declares with {@link ErrorAnswers}.
 * Refuses an operation without its own id and summary: each controller method names itself
 * with {@code @Operation} (its tag is the controller's {@code @Tag}), so a controller added later
 * cannot rename the operations of another (springdoc's default ids are {@code get_3}, numbered in
 * discovery order).
 */
public final class OperationDescriptions implements OperationCustomizer {

    /** The error body's schema name in {@code components/schemas}. */
    public static final String ERROR_SCHEMA = "ApiError";

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
        // a sid or a release version in the path names an object that may not exist
        boolean pathSid = java.util.Arrays.stream(handler.getMethod().getParameters())
                .anyMatch(p -> p.isAnnotationPresent(org.springframework.web.bind.annotation.PathVariable.class));
        boolean paged = java.util.Arrays.stream(handler.getMethod().getParameters())
                .anyMatch(p -> p.getName().equals("limit"));
        error(responses, "401", "No or wrong credentials (HTTP Basic)");
        if (writes(handler)) {
            error(responses, "403", "The user's role may not make this write");
        }
        if (body || paged) {
            error(
                    responses,
                    "400",
                    body ? "The body is not JSON, or a parameter is malformed" : "limit or offset out of range");
        }
        if (pathSid) {
            error(responses, "404", "No object with that sid or version");
        }
        if (body) {
            error(responses, "415", "The body is not application/json");
            error(responses, "422", "A field has a wrong value: every problem is listed in errors");
        }
        ErrorAnswers declared = handler.getMethodAnnotation(ErrorAnswers.class);
        if (declared != null) {
            for (ErrorAnswers.Answer answer : declared.value()) {
                error(responses, answer.status(), answer.description());
            }
        }
        return operation;
    }

    /** Every write needs a role (SecurityConfiguration); reads need only a user. */
    private static boolean writes(HandlerMethod handler) {
        org.springframework.web.bind.annotation.RequestMapping mapping =
                org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
                        handler.getMethod(), org.springframework.web.bind.annotation.RequestMapping.class);
        return mapping != null
                && mapping.method().length > 0
                && mapping.method()[0] != org.springframework.web.bind.annotation.RequestMethod.GET;
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
    public static Map<String, Schema> errorSchemas() {
        return ModelConverters.getInstance().readAll(ApiError.class);
    }
}
