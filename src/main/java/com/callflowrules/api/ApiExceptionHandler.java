package com.callflowrules.api;

import com.callflowrules.api.requests.BodySizeLimit;
import com.callflowrules.hierarchy.ConflictException;
import com.callflowrules.hierarchy.UnknownReferenceException;
import com.callflowrules.properties.InvalidPropertyException;
import com.callflowrules.rules.RuleBaseException;
import com.callflowrules.session.BusyException;
import com.callflowrules.session.CallStateException;
import com.callflowrules.session.UnknownCallException;
import com.callflowrules.session.UnknownMeetingException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Maps every failure to the API's error body; a client never sees a stack trace. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ApiError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage(), List.of());
    }

    @ExceptionHandler({UnknownCallException.class, UnknownMeetingException.class})
    public ResponseEntity<ApiError> unknownLive(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage(), List.of());
    }

    @ExceptionHandler(CallStateException.class)
    public ResponseEntity<ApiError> callState(CallStateException e) {
        return error(HttpStatus.CONFLICT, "conflict", e.getMessage(), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ApiError> noSuchPath(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "not_found", "no such path: /" + e.getResourcePath(), List.of());
    }

    @ExceptionHandler(ValidationException.class)
    public ResponseEntity<ApiError> invalid(ValidationException e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", e.getMessage(), e.errors());
    }

    @ExceptionHandler(InvalidPropertyException.class)
    public ResponseEntity<ApiError> invalidProperties(InvalidPropertyException e) {
        return error(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "validation_failed",
                e.getMessage(),
                e.violations().stream()
                        .map(v -> new ApiError.FieldError("properties." + v.key(), v.reason()))
                        .toList());
    }

    @ExceptionHandler(UnknownReferenceException.class)
    public ResponseEntity<ApiError> unknownReference(UnknownReferenceException e) {
        return error(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "validation_failed",
                e.getMessage(),
                List.of(new ApiError.FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConflictException.class)
    public ResponseEntity<ApiError> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, "conflict", e.getMessage(), List.of());
    }

    @ExceptionHandler(com.callflowrules.releases.ReleaseConflictException.class)
    public ResponseEntity<ApiError> releaseConflict(RuntimeException e) {
        return error(HttpStatus.CONFLICT, "conflict", e.getMessage(), List.of());
    }

    @ExceptionHandler(com.callflowrules.releases.ReleaseForbiddenException.class)
    public ResponseEntity<ApiError> releaseForbidden(RuntimeException e) {
        return error(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), List.of());
    }

    @ExceptionHandler(com.callflowrules.releases.UnknownReleaseException.class)
    public ResponseEntity<ApiError> unknownRelease(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage(), List.of());
    }

    @ExceptionHandler(MalformedBodyException.class)
    public ResponseEntity<ApiError> wrongShape(MalformedBodyException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage(), List.of());
    }

    /** A bound request record's Bean Validation constraints failed: every field, in the API's names. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ApiError> invalidFields(MethodArgumentNotValidException e) {
        return invalid(new ValidationException(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new ApiError.FieldError(JsonNames.of(error.getField()), error.getDefaultMessage()))
                .toList()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return invalid(new ValidationException(JsonNames.path(unknown), "unknown field"));
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return mismatched(mismatch);
            }
            if (cause instanceof BodySizeLimit.BodyTooLargeException) {
                return error(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", cause.getMessage(), List.of());
            }
            if (cause.getMessage() != null && cause.getMessage().startsWith("Duplicate Object property")) {
                return error(
                        HttpStatus.BAD_REQUEST,
                        "bad_request",
                        "the body is not valid JSON: a key appears twice in one object",
                        List.of());
            }
        }
        return error(HttpStatus.BAD_REQUEST, "bad_request", "the body is not valid JSON", List.of());
    }

    /** A value of the wrong JSON type for its field, or a body that is not an object at all. */
    private ResponseEntity<ApiError> mismatched(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "bad_request", "the body must be a JSON object", List.of());
        }
        return invalid(new ValidationException(JsonNames.path(e), JsonNames.wrongType(e.getTargetType())));
    }

    @ExceptionHandler(BadParameterException.class)
    public ResponseEntity<ApiError> badParameter(BadParameterException e) {
        return error(
                HttpStatus.BAD_REQUEST,
                "bad_request",
                e.parameter() + " " + e.getMessage(),
                List.of(new ApiError.FieldError(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(
                HttpStatus.BAD_REQUEST,
                "bad_request",
                e.getName() + " has the wrong type",
                List.of(new ApiError.FieldError(e.getName(), "'" + e.getValue() + "' is not a valid value")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send application/json", List.of());
    }

    @ExceptionHandler(RuleBaseException.class)
    public ResponseEntity<ApiError> ruleBaseRefused(RuleBaseException e) {
        List<ApiError.FieldError> messages = e.messages().stream()
                .map(m -> new ApiError.FieldError(m.line() > 0 ? m.file() + ":" + m.line() : m.file(), m.reason()))
                .toList();
        return error(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "rule_base_refused",
                "the rule base on disk was refused; the running one is unchanged",
                messages);
    }

    @ExceptionHandler(EntityTags.PreconditionFailedException.class)
    public ResponseEntity<ApiError> preconditionFailed(EntityTags.PreconditionFailedException e) {
        return error(HttpStatus.PRECONDITION_FAILED, "precondition_failed", e.getMessage(), List.of());
    }

    /** Rows that stayed locked (a lock timeout) or contended: nothing changed, try again. */
    @ExceptionHandler({BusyException.class, PessimisticLockingFailureException.class, QueryTimeoutException.class})
    public ResponseEntity<ApiError> busy(Exception e) {
        log.warn("request refused as busy: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(new ApiError(
                        503, "busy", "the data this request needs is busy; nothing was changed, try again", List.of()));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return error(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "an internal error occurred; it has been logged",
                List.of());
    }

    public static ResponseEntity<ApiError> error(
            HttpStatus status, String error, String message, List<ApiError.FieldError> errors) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), error, message, errors));
    }
}
