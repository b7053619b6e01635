package com.callflowrules.properties;

import com.callflowrules.facts.Binding;

/**
 * One property of the schema: its key, the base value every flow starts from, its type, what it
 * means and, for an in-call binding key, what pressing it does ({@code null} for other keys).
 */
public record PropertyDefinition(String key, String baseValue, PropertyType type, String meaning, Binding binding) {

    public PropertyDefinition {
        if ((binding != null) != (type == PropertyType.DTMF)) {
            throw new IllegalArgumentException(key + ": a DTMF key is a binding and a binding is a DTMF key");
        }
    }

    PropertyDefinition(String key, String baseValue, PropertyType type, String meaning) {
        this(key, baseValue, type, meaning, null);
    }
}
