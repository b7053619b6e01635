package com.callflowrules.rules;

import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.FlowBehaviour;
import com.callflowrules.facts.Role;
import com.callflowrules.facts.Spelled;
import com.callflowrules.properties.PropertySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one call-flow definition ({@code rules/call-flows/<name>.yaml}) into a {@link CallFlow}
 * whose properties are the schema's base values overridden by the definition's. Every problem
 * becomes a {@link RuleMessage} with the line it is on; a definition with any problem yields none.
 */
final class CallFlowDefinitionReader {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final List<String> FIELDS = List.of(
            "name", "description", "entry", "unknown_code", "creator_role", "direct_role", "behaviour", "properties");

    private final PropertySchema schema;

    CallFlowDefinitionReader(PropertySchema schema) {
        this.schema = schema;
    }

    /** The flow, or {@code null} with the problems added to {@code messages}. */
    CallFlow read(String file, String fileStem, String text, List<RuleMessage> messages) {
        Node root;
        try {
            root = PlainYaml.compose(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            messages.add(new RuleMessage(
                    file,
                    line,
                    "not valid YAML: " + e.getProblem()
                            + " (quote values that start with * or & such as DTMF bindings)"));
            return null;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            // the reader's bounds: aliases, nesting depth, size
            messages.add(new RuleMessage(file, 0, "refused: " + e.getMessage()));
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            messages.add(new RuleMessage(
                    file,
                    1,
                    "a call-flow definition must be a mapping with name, entry (or behaviour) and properties"));
            return null;
        }
        int before = messages.size();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            int line = line(tuple.getKeyNode());
            if (key == null || !FIELDS.contains(key)) {
                messages.add(new RuleMessage(
                        file, line, "unknown field '" + key + "' (expected one of " + String.join(", ", FIELDS) + ")"));
            } else if (key.equals("properties")) {
                readProperties(file, tuple.getValueNode(), properties, messages);
            } else if (scalar(tuple.getValueNode()) == null) {
                messages.add(new RuleMessage(file, line, "'" + key + "' must be a plain value"));
            } else {
                fields.put(key, scalar(tuple.getValueNode()));
                lines.put(key, line);
            }
        }
        // the file names the flow; a name field, when written, must say the same
        String name = fields.getOrDefault("name", fileStem);
        if (!NAME.matcher(name).matches()) {
            messages.add(new RuleMessage(
                    file, 1, "name '" + name + "' must be lower case letters, digits and _ , starting with a letter"));
        } else if (!name.equals(fileStem)) {
            messages.add(new RuleMessage(file, 1, "name '" + name + "' must match the file name '" + fileStem + "'"));
        }
        FlowBehaviour behaviour = new BehaviourFields(file, fields, lines, messages).read();
        if (messages.size() > before) {
            return null;
        }
        Map<String, String> base = new LinkedHashMap<>(schema.baseValues());
        base.putAll(properties);
        return new CallFlow(CallFlow.sidFor(name), name, behaviour, fields.getOrDefault("description", ""), base);
    }

    /**
     * The behaviour fields of one definition: {@code entry} with the fields that entry needs
     * ({@code unknown_code}, {@code creator_role} for a prompt that creates rooms,
     * {@code direct_role}), or {@code behaviour} naming a rule file of its own, never both.
     */
    private record BehaviourFields(
            String file, Map<String, String> fields, Map<String, Integer> lines, List<RuleMessage> messages) {

        FlowBehaviour read() {
            String ruleFile = fields.get("behaviour");
            String entry = fields.get("entry");
            if (ruleFile != null) {
                refuseAll(
                        List.of("entry", "unknown_code", "creator_role", "direct_role"),
                        "a flow with a behaviour rule file of its own has no ");
                return NAME.matcher(ruleFile).matches()
                        ? FlowBehaviour.ruleFile(ruleFile)
                        : refuse(
                                "behaviour",
                                "behaviour '" + ruleFile
                                        + "' must be the name of a rule file under flows/ (lower case letters, digits and _)");
            }
            if (entry == null) {
                return refuse(
                        null, "missing 'entry' (prompt or direct), or 'behaviour' naming a rule file under flows/");
            }
            return switch (entry) {
                case "prompt" -> prompt();
                case "direct" -> {
                    refuseAll(List.of("unknown_code", "creator_role"), "a direct flow prompts for no code: no ");
                    Role role = role("direct_role", true);
                    yield role == null ? null : FlowBehaviour.direct(role);
                }
                default -> refuse("entry", "entry '" + entry + "' must be prompt or direct");
            };
        }

        private FlowBehaviour prompt() {
            refuseAll(List.of("direct_role"), "a prompting flow has no ");
            String unknown = fields.get("unknown_code");
            if (unknown == null) {
                return refuse(null, "missing 'unknown_code' (refuse or create_room) for a prompting flow");
            }
            return switch (unknown) {
                case "refuse" -> {
                    refuseAll(List.of("creator_role"), "a flow that refuses unknown codes creates no room: no ");
                    yield FlowBehaviour.promptRefusingUnknownCodes();
                }
                case "create_room" -> {
                    Role role = role("creator_role", true);
                    yield role == null ? null : FlowBehaviour.promptCreatingRooms(role);
                }
                default -> refuse("unknown_code", "unknown_code '" + unknown + "' must be refuse or create_room");
            };
        }

        private Role role(String field, boolean required) {
            String value = fields.get(field);
            if (value == null) {
                if (required) {
                    refuse(null, "missing '" + field + "' (host, participant or listener)");
                }
                return null;
            }
            try {
                return Spelled.parse(Role.class, value);
            } catch (IllegalArgumentException e) {
                refuse(field, field + ": " + e.getMessage());
                return null;
            }
        }

        private void refuseAll(List<String> names, String why) {
            names.stream().filter(fields::containsKey).forEach(n -> refuse(n, why + "'" + n + "'"));
        }

        private FlowBehaviour refuse(String field, String why) {
            messages.add(new RuleMessage(file, field == null ? 1 : lines.getOrDefault(field, 1), why));
            return null;
        }
    }

    private void readProperties(String file, Node node, Map<String, String> properties, List<RuleMessage> messages) {
        if (!(node instanceof MappingNode mapping)) {
            messages.add(
                    new RuleMessage(file, line(node), "'properties' must be a mapping of property keys to values"));
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            String value = scalar(tuple.getValueNode());
            int line = line(tuple.getKeyNode());
            if (value == null) {
                messages.add(new RuleMessage(file, line, "property '" + key + "' must have a plain value"));
                continue;
            }
            schema.check(key, value)
                    .ifPresentOrElse(
                            violation -> messages.add(new RuleMessage(file, line, "property " + violation.message())),
                            () -> properties.put(key, value));
        }
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
