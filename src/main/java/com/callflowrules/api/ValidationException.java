package com.callflowrules.api;

import java.util.List;

/** A request whose values are wrong (422), with every problem found. */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<ApiError.FieldError> errors;

    public ValidationException(List<ApiError.FieldError> errors) {
        super(
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new ApiError.FieldError(field, message)));
    }

    public List<ApiError.FieldError> errors() {
        return errors;
    }
}
