package com.callflowrules.scenario;

import com.callflowrules.rules.PlainYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a scenario file. Every scalar stays the text written ({@code on}, {@code 001}, {@code *6}). */
public final class ScenarioReader {

    private static final Set<String> EVENTS =
            Set.of("arrives", "enters", "presses", "hangs_up", "wait", "change", "together");
    private static final Set<String> STEP_FIELDS =
            Set.of("call", "arrives", "enters", "presses", "hangs_up", "wait", "change", "together", "expect");
    /** What a step inside {@code together} may be: one caller's event. */
    private static final Set<String> CALLER_EVENTS = Set.of("arrives", "enters", "presses", "hangs_up");
    /** What a change step names (exactly one) and what it may set. */
    private static final Set<String> CHANGE_TARGETS = Set.of("account", "did_group", "did", "room");

    private static final Set<String> CHANGE_FIELDS =
            Set.of("account", "did_group", "did", "room", "call_flow", "properties");

    /** Reads {@code text}, named {@code file} in messages. */
    public Scenario read(String file, String text) {
        Node root;
        try {
            root = PlainYaml.compose(text);
        } catch (MarkedYAMLException e) {
            throw new ScenarioException(file + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: "
                    + e.getProblem() + " (quote values that start with * such as DTMF keys)");
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            // the reader's bounds: aliases, nesting depth, size
            throw new ScenarioException(file + ": refused: " + e.getMessage());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ScenarioException(file + ": a scenario is a mapping with name, hierarchy and steps");
        }
        Map<String, Node> top = fields(mapping);
        String name = top.containsKey("name") ? scalar(top.get("name")) : file;
        Node hierarchy = top.get("hierarchy");
        Map<String, Node> parts = hierarchy instanceof MappingNode m ? fields(m) : Map.of();
        Scenario.Hierarchy objects = new Scenario.Hierarchy(
                nodes(parts.get("accounts")),
                nodes(parts.get("did_groups")),
                nodes(parts.get("dids")),
                nodes(parts.get("rooms")));
        if (!(top.get("steps") instanceof SequenceNode steps)
                || steps.getValue().isEmpty()) {
            throw new ScenarioException(file + ": a scenario needs a list of steps");
        }
        List<Scenario.Step> read = new ArrayList<>();
        for (Node item : steps.getValue()) {
            read.add(step(file, read.size() + 1, item));
        }
        if (read.stream().allMatch(step -> step.expect().isEmpty())) {
            // such a scenario passes whatever the rules decide: it pins nothing
            throw new ScenarioException(
                    file + ": a scenario that expects nothing pins nothing: give at least one step" + " an expect");
        }
        return new Scenario(file, name, objects, read);
    }

    @SuppressWarnings("unchecked")
    private Scenario.Step step(String file, int index, Node item) {
        int line = line(item);
        if (!(item instanceof MappingNode mapping)) {
            throw new ScenarioException(
                    file + ":" + line + ": a step is a mapping such as {call: alice, arrives: \"15550001000\"}");
        }
        Map<String, Object> fields = (Map<String, Object>) value(mapping);
        for (String field : fields.keySet()) {
            if (!STEP_FIELDS.contains(field)) {
                throw new ScenarioException(file + ":" + line + ": unknown step field '" + field + "' (expected call, "
                        + "one of arrives, enters, presses, hangs_up, wait, change, together, and expect)");
            }
        }
        List<String> events = fields.keySet().stream().filter(EVENTS::contains).toList();
        if (events.size() != 1) {
            throw new ScenarioException(file + ":" + line
                    + ": a step has exactly one of arrives, enters, presses, hangs_up, wait, change, together");
        }
        String event = events.get(0);
        String caller = (String) fields.get("call");
        if (caller == null && CALLER_EVENTS.contains(event)) {
            throw new ScenarioException(file + ":" + line + ": '" + event + "' needs the caller's name in 'call'");
        }
        Object value = fields.get(event);
        Map<String, Object> expect =
                fields.get("expect") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        if (event.equals("change")) {
            return new Scenario.Step(index, line, caller, event, null, change(file, line, value), List.of(), expect);
        }
        if (event.equals("together")) {
            return new Scenario.Step(
                    index, line, null, event, null, Map.of(), together(file, index, line, mapping), expect);
        }
        return new Scenario.Step(
                index,
                line,
                caller,
                event,
                value == null || event.equals("hangs_up") ? null : value.toString(),
                Map.of(),
                List.of(),
                expect);
    }

    /** The steps of a {@code together} step: two or more callers' events, each without expect, no caller twice. */
    private List<Scenario.Step> together(String file, int index, int line, MappingNode step) {
        Node list = step.getValue().stream()
                .filter(t -> "together".equals(scalar(t.getKeyNode())))
                .map(NodeTuple::getValueNode)
                .findFirst()
                .orElseThrow();
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().size() < 2) {
            throw new ScenarioException(file + ":" + line
                    + ": together is a list of two or more steps such as {call: alice, enters: \"4242\"}");
        }
        List<Scenario.Step> parts = new ArrayList<>();
        Set<String> callers = new java.util.HashSet<>();
        for (Node item : sequence.getValue()) {
            Scenario.Step part = step(file, index, item);
            if (!CALLER_EVENTS.contains(part.event()) || !part.expect().isEmpty()) {
                throw new ScenarioException(
                        file + ":" + part.line() + ": a step of together is one caller's event, without expect");
            }
            if (!callers.add(part.caller())) {
                throw new ScenarioException(
                        file + ":" + part.line() + ": " + part.caller() + " is twice in one together step");
            }
            parts.add(part);
        }
        return parts;
    }

    /** A change names one object ({@code room: weekly}) and sets {@code call_flow} and/or {@code properties} on it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(String file, int line, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ScenarioException(file + ":" + line
                    + ": a change is a mapping such as {room: weekly, properties: {conference_mute_policy: pl}}");
        }
        Map<String, Object> change = (Map<String, Object>) map;
        for (String field : change.keySet()) {
            if (!CHANGE_FIELDS.contains(field)) {
                throw new ScenarioException(file + ":" + line + ": unknown change field '" + field
                        + "' (expected one of account, did_group, did, room, and call_flow and/or properties)");
            }
        }
        if (change.keySet().stream().filter(CHANGE_TARGETS::contains).count() != 1) {
            throw new ScenarioException(
                    file + ":" + line + ": a change names exactly one of account, did_group, did, room");
        }
        if (!change.containsKey("call_flow") && !change.containsKey("properties")) {
            throw new ScenarioException(file + ":" + line + ": a change sets call_flow or properties");
        }
        if (change.containsKey("properties") && !(change.get("properties") instanceof Map)) {
            throw new ScenarioException(
                    file + ":" + line + ": a change's properties are a mapping (null removes a key)");
        }
        return change;
    }

    @SuppressWarnings("unchecked")
    private List<Scenario.Node> nodes(Node node) {
        List<Scenario.Node> nodes = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                nodes.add(new Scenario.Node(line(item), (Map<String, Object>) value(item)));
            }
        }
        return nodes;
    }

    private static Map<String, Node> fields(MappingNode mapping) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            fields.put(scalar(tuple.getKeyNode()), tuple.getValueNode());
        }
        return fields;
    }

    /** A node as plain Java: maps, lists and strings. */
    private static Object value(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(ScenarioReader::value).toList();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            map.put(scalar(tuple.getKeyNode()), value(tuple.getValueNode()));
        }
        return map;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
