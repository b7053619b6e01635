package com.callflowrules.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error answers an operation gives because of what it does, beyond those its shape implies
 * (401 for every one; 403 for a write, which needs a role; 400, 415 and 422 for a body; 400 for
 * paging; 404 for a {@code {sid}}), which
 * {@code api.openapi.OperationDescriptions} adds itself. Every such answer has the one {@link ApiError} body.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ErrorAnswers {

    /** The answers, each documented once with its status and meaning. */
    public Answer[] value();

    /** An error answer an operation can give by what it does. */
    public enum Answer {
        /** A write that meets a concurrent or stateful conflict. */
        CONFLICT(
                "409",
                "The change conflicts with the stored state (a code taken, an event the call is not in a state for)"),
        /** A conditional write whose {@code If-Match} no longer holds. */
        STALE_VERSION("412", "If-Match names another version than the stored one");

        private final String status;
        private final String description;

        Answer(String status, String description) {
            this.status = status;
            this.description = description;
        }

        /** The HTTP status, as the description's responses key it. */
        public String status() {
            return status;
        }

        /** What the answer means, as the description says it. */
        public String description() {
            return description;
        }
    }
}
