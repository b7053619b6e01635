package com.callflowrules.scenario;

import com.callflowrules.properties.PropertySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a step's {@code expect} with what was observed, partially: only the fields written are
 * checked. Nested expectations flatten to dotted names ({@code meeting: {locked: true}} is
 * {@code meeting.locked}); a property may be written as a value or as {value, level}. A field
 * the product does not have fails the step whatever its value, {@code null} included: a typo
 * never passes.
 */
final class Expectations {

    private static final Set<String> FIELDS = Set.of(
            "action",
            "reason",
            "call_flow",
            "call_flow_source",
            "role",
            "meeting_room",
            "muted",
            "attempts_left",
            "create_room",
            "start_meeting",
            "wait_seconds",
            "in_call_action",
            "stop_after_seconds",
            "media",
            "media_details",
            "error");
    private static final Set<String> CALL_FIELDS =
            Set.of("state", "role", "muted", "on_hold", "end_reason", "attempts_used", "role_changes_refused");
    private static final Set<String> OTHER_CALL_FIELDS =
            Set.of("state", "role", "muted", "on_hold", "end_reason", "meeting_room");
    private static final Set<String> MEETING_FIELDS = Set.of(
            "running",
            "locked",
            "participant_muted",
            "on_hold",
            "recording",
            "attendees.hosts",
            "attendees.participants",
            "attendees.listeners");
    private static final Set<String> PROPERTY_KEYS = PropertySchema.standard().keys();
    /**
     * Fields that hold names a platform plays (prompts, media), compared exactly: {@code acme_hello}
     * and {@code ACME_hello} are two prompts. The others hold the product's closed sets (actions,
     * roles, states), compared whatever their case.
     */
    private static final Set<String> NAMED_EXACTLY = Set.of("media", "media_details");

    private Expectations() {}

    /**
     * @param callers the names of the scenario's callers, the only ones {@code calls.<name>.*} may name
     */
    static List<ScenarioResult.Mismatch> compare(
            Map<String, Object> expect, Map<String, String> observed, Set<String> callers) {
        List<ScenarioResult.Mismatch> mismatches = new ArrayList<>();
        if (observed.containsKey("error") && !expect.containsKey("error")) {
            mismatches.add(new ScenarioResult.Mismatch("error", "none", observed.get("error")));
        }
        flatten("", expect).forEach((field, expected) -> {
            if (!known(field, callers)) {
                mismatches.add(new ScenarioResult.Mismatch(field, expected, "(no such field to expect)"));
                return;
            }
            String actual = observed.get(field);
            boolean equal = expected.equals("null")
                    ? actual == null
                    : NAMED_EXACTLY.contains(field)
                            ? expected.equals(String.valueOf(actual))
                            : expected.equalsIgnoreCase(String.valueOf(actual));
            if (!equal) {
                mismatches.add(new ScenarioResult.Mismatch(field, expected, String.valueOf(actual)));
            }
        });
        return mismatches;
    }

    private static boolean known(String field, Set<String> callers) {
        if (FIELDS.contains(field)) {
            return true;
        }
        String[] parts = field.split("\\.", 2);
        if (parts.length < 2) {
            return false;
        }
        return switch (parts[0]) {
            case "properties", "property_sources" -> PROPERTY_KEYS.contains(parts[1]);
            case "call" -> CALL_FIELDS.contains(parts[1]);
            case "meeting" -> MEETING_FIELDS.contains(parts[1]);
            case "calls" -> {
                String[] caller = parts[1].split("\\.", 2);
                yield caller.length == 2 && callers.contains(caller[0]) && OTHER_CALL_FIELDS.contains(caller[1]);
            }
            default -> false;
        };
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
