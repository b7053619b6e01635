package com.callflowrules.hierarchy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Defensive copies of property maps for the hierarchy records: null becomes empty, order kept. */
final class Properties {

    private Properties() {
    }

    static Map<String, String> copy(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
