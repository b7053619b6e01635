package com.callflowrules.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a step's {@code expect} with what was observed, partially: only the fields written are
 * checked. Nested expectations flatten to dotted names ({@code meeting: {locked: true}} is
 * {@code meeting.locked}); a property may be written as a value or as {value, level}.
 */
final class Expectations {

    private static final Set<String> FIELDS = Set.of("action", "reason", "call_flow", "call_flow_source", "role",
            "meeting_room", "muted", "attempts_left", "create_room", "start_meeting", "wait_seconds", "in_call_action",
            "stop_after_seconds", "media", "error");
    private static final List<String> PREFIXES = List.of("properties.", "property_sources.", "call.", "calls.", "meeting.");

    private Expectations() {
    }

    static List<ScenarioResult.Mismatch> compare(Map<String, Object> expect, Map<String, String> observed) {
        List<ScenarioResult.Mismatch> mismatches = new ArrayList<>();
        if (observed.containsKey("error") && !expect.containsKey("error")) {
            mismatches.add(new ScenarioResult.Mismatch("error", "none", observed.get("error")));
        }
        flatten("", expect).forEach((field, expected) -> {
            if (!FIELDS.contains(field) && PREFIXES.stream().noneMatch(field::startsWith)) {
                mismatches.add(new ScenarioResult.Mismatch(field, expected, "(no such field to expect)"));
                return;
            }
            String actual = observed.get(field);
            boolean equal = expected.equals("null") ? actual == null : expected.equalsIgnoreCase(String.valueOf(actual));
            if (!equal) {
                mismatches.add(new ScenarioResult.Mismatch(field, expected, String.valueOf(actual)));
            }
        });
        return mismatches;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> flatten(String prefix, Map<String, Object> expect) {
        Map<String, String> flat = new LinkedHashMap<>();
        expect.forEach((key, value) -> {
            String field = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> map = (Map<String, Object>) nested;
                if (field.startsWith("properties.") && (map.containsKey("value") || map.containsKey("level"))) {
                    String property = field.substring("properties.".length());
                    if (map.containsKey("value")) {
                        flat.put(field, String.valueOf(map.get("value")));
                    }
                    if (map.containsKey("level")) {
                        flat.put("property_sources." + property, String.valueOf(map.get("level")));
                    }
                } else {
                    flat.putAll(flatten(field + ".", map));
                }
            } else {
                flat.put(field, value == null ? "null" : value.toString());
            }
        });
        return flat;
    }
}
