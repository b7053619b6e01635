package com.callflowrules.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Property maps of the hierarchy records: defensive copies (null becomes empty, order kept) and
 * the merge patch every edit of overrides applies.
 */
public final class Properties {

    private Properties() {}

    static Map<String, String> copy(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** {@code current} with the non-null values of {@code patch} set and its null values removed. */
    public static Map<String, String> mergePatch(Map<String, String> current, Map<String, String> patch) {
        Map<String, String> merged = new LinkedHashMap<>(current);
        patch.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
