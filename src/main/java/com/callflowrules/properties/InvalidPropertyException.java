package com.callflowrules.properties;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when properties break the schema; carries every violation found. */
public class InvalidPropertyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<PropertyViolation> violations;

    public InvalidPropertyException(List<PropertyViolation> violations) {
        super(violations.stream().map(PropertyViolation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<PropertyViolation> violations() {
        return violations;
    }
}
