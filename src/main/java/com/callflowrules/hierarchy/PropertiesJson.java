package com.callflowrules.hierarchy;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Property maps as the JSON text stored in the {@code properties} columns. */
final class PropertiesJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private PropertiesJson() {}

    /** The stored text; every hierarchy write passes here, so two equal bindings never reach the store. */
    static String write(Map<String, String> properties) {
        if (properties != null) {
            com.callflowrules.properties.DistinctBindings.require(properties);
        }
        return JSON.writeValueAsString(properties == null ? Map.of() : properties);
    }

    static Map<String, String> read(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
    }
}
