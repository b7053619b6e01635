package com.callflowrules.api;

import java.util.List;

/**
 * The error body of every failed request: status, a machine-readable error, a message for
 * people, and per-field details.
 */
public record ApiError(int status, String error, String message, List<FieldError> errors) {

    /** One problem: where ({@code field}, e.g. a property key or {@code file:line}) and what. */
    public record FieldError(String field, String message) {}
}
