package com.callflowrules.scenario;

import java.util.List;
import java.util.Map;

/**
 * One scenario: a hierarchy and steps. Objects are named; sids are made up by the store.
 *
 * @param file relative to the scenarios directory, for reports
 */
public record Scenario(String file, String name, Hierarchy hierarchy, List<Step> steps) {

    /** The hierarchy, each object named so steps and expectations can refer to it. */
    public record Hierarchy(List<Node> accounts, List<Node> didGroups, List<Node> dids, List<Node> rooms) {}

    /** One hierarchy object as written: its fields (name, account, did_group, call_flow, number, access_codes, properties). */
    public record Node(int line, Map<String, Object> fields) {

        String text(String field) {
            Object value = fields.get(field);
            return value == null ? null : value.toString();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String field) {
            Object value = fields.get(field);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }

    /**
     * One step: a caller's event ({@code arrives}, {@code enters}, {@code presses},
     * {@code hangs_up}), the clock moving ({@code wait}), the hierarchy changing under the
     * calls ({@code change}, whose fields are in {@code change}) or callers' events at one moment
     * ({@code together}), and what is expected after it.
     */
    public record Step(
            int index,
            int line,
            String caller,
            String event,
            String value,
            Map<String, Object> change,
            java.util.List<Step> together,
            Map<String, Object> expect) {

        /** How a report names the step: "step 3 (line 41): bob enters 1234". */
        public String describe() {
            String what = event.equals("wait")
                    ? "the clock moves " + value + " s"
                    : event.equals("change")
                            ? "the hierarchy changes " + change
                            : event.equals("together")
                                    ? "at once: "
                                            + together.stream()
                                                    .map(s -> s.caller() + " "
                                                            + s.event().replace('_', ' ')
                                                            + (s.value() == null ? "" : " " + s.value()))
                                                    .collect(java.util.stream.Collectors.joining(", "))
                                    : caller + " " + event.replace('_', ' ') + (value == null ? "" : " " + value);
            return "step " + index + " (line " + line + "): " + what;
        }
    }
}
