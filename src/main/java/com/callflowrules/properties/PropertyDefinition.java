package com.callflowrules.properties;

/**
 * One property of the schema: its key, the base value every flow starts from, its type and
 * what it means.
 */
public record PropertyDefinition(String key, String baseValue, PropertyType type, String meaning) {
}
