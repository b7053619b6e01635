package com.callflowrules.hierarchy;

/** A write that refers to an object that does not exist (or belongs to another account). Nothing was changed. */
public class UnknownReferenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public UnknownReferenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field that holds the reference, e.g. {@code did_group_sid}. */
    public String field() {
        return field;
    }
}
