package com.callflowrules.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The one check across keys: no two bindings of one object on the same keys. */
public final class DistinctBindings {

    private DistinctBindings() {}

    /**
     * Two bindings of one object on the same keys: a press could not tell them apart. Each pair is
     * named by both keys. (Bindings set alike at different levels can still meet; the rules ignore
     * such a press as ambiguous.)
     */
    static List<PropertyViolation> violations(Map<String, String> properties) {
        List<PropertyViolation> violations = new ArrayList<>();
        Map<String, String> bindingOfKeys = new TreeMap<>();
        new TreeMap<>(properties).forEach((key, value) -> {
            if (PropertySchema.standard().binding(key) != null && value != null && !value.isEmpty()) {
                String other = bindingOfKeys.putIfAbsent(value, key);
                if (other != null) {
                    violations.add(new PropertyViolation(
                            key, value, "the same keys as " + other + ": two bindings of one object may not be equal"));
                }
            }
        });
        return violations;
    }

    /** Throws {@link InvalidPropertyException} when two bindings of {@code properties} are on the same keys. */
    public static void require(Map<String, String> properties) {
        List<PropertyViolation> violations = violations(properties);
        if (!violations.isEmpty()) {
            throw new InvalidPropertyException(violations);
        }
    }
}
