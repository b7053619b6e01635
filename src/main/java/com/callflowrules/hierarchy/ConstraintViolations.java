package com.callflowrules.hierarchy;

import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Turns a database constraint violation into the error a client can act on, by the constraint's
 * name (H2 and PostgreSQL both put it in the message). The constraints are in V1__hierarchy.sql.
 */
final class ConstraintViolations {

    private ConstraintViolations() {}

    /** Runs {@code write}, translating integrity violations; {@code deleting} says a delete is running. */
    static <T> T translate(boolean deleting, Supplier<T> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            throw translate(e, deleting);
        }
    }

    static RuntimeException translate(DataIntegrityViolationException e, boolean deleting) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("dids_phonenumber_unique")) {
            return new ConflictException("the phone number is already used by another DID");
        }
        if (message.contains("access_codes_unique_in_scope")) {
            return new ConflictException(
                    "an access code is already used by another room of the account in the same DID group scope");
        }
        // PostgreSQL names the constraint; H2 names only the primary key index of the table.
        if (message.contains("access_codes_pk")
                || message.contains("primary_key") && message.contains("access_codes")) {
            return new ConflictException("an access code is listed twice in the room");
        }
        if (deleting && message.contains("_fk")) {
            return new ConflictException(
                    "the object is still referenced by " + referrer(message) + "; delete or move those first");
        }
        if (message.contains("did_group_fk")) {
            return new UnknownReferenceException("did_group_sid", "did_group_sid names no DID group of this account");
        }
        if (message.contains("account_fk")) {
            return new UnknownReferenceException("account_sid", "account_sid names no account");
        }
        // Never the store's own text: it names tables and SQL. The details go to the log.
        LoggerFactory.getLogger(ConstraintViolations.class)
                .warn("write refused by the store", e.getMostSpecificCause());
        if (message.contains("too long")) {
            return new ConflictException("a value is longer than the store keeps for its field");
        }
        return new ConflictException("the write breaks an integrity rule of the store");
    }

    private static String referrer(String message) {
        if (message.contains("dids_")) {
            return "DIDs";
        }
        if (message.contains("meeting_rooms_")) {
            return "meeting rooms";
        }
        if (message.contains("did_groups_")) {
            return "DID groups";
        }
        return "other objects";
    }
}
