package com.callflowrules.api;

import com.callflowrules.description.Example;
import java.util.List;

/**
 * The error body of every failed request: status, a machine-readable error, a message for
 * people, and per-field details.
 */
public record ApiError(
        @Example("400") int status,
        @Example("validation_failed") String error,

        @Example("conference_start_wait = 'soon': must be an integer 0..86400")
        String message,

        List<FieldError> errors) {

    /** One problem: where ({@code field}, e.g. a property key or {@code file:line}) and what. */
    public record FieldError(
            @Example("properties.conference_start_wait") String field,
            @Example("must be an integer 0..86400") String message) {}
}
