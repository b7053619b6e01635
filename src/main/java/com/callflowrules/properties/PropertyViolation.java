package com.callflowrules.properties;

/** A property key or value that breaks the schema, with the rule it breaks. */
public record PropertyViolation(String key, String value, String reason) {

    /** A one-line message naming the key, the value and the rule broken. */
    public String message() {
        return value == null ? key + ": " + reason : key + " = '" + value + "': " + reason;
    }
}
