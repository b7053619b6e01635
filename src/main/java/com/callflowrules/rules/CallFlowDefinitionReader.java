package com.callflowrules.rules;

import com.callflowrules.hierarchy.CallFlow;
import com.callflowrules.properties.PropertySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Set<String> FIELDS = Set.of("name", "behaviour", "description", "properties");

    private final PropertySchema schema;

    CallFlowDefinitionReader(PropertySchema schema) {
        this.schema = schema;
    }

    /** The flow, or {@code null} with the problems added to {@code messages}. */
    CallFlow read(String file, String fileStem, String text, List<RuleMessage> messages) {
        Node root;
        try {
            root = PlainYaml.create().compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            messages.add(new RuleMessage(file, line, "not valid YAML: " + e.getProblem()
                    + " (quote values that start with * or & such as DTMF bindings)"));
            return null;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            // the reader's bounds: aliases, nesting depth, size
            messages.add(new RuleMessage(file, 0, "refused: " + e.getMessage()));
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            messages.add(new RuleMessage(file, 1, "a call-flow definition must be a mapping with name, behaviour and properties"));
            return null;
        }
        int before = messages.size();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            int line = line(tuple.getKeyNode());
            if (key == null || !FIELDS.contains(key)) {
                messages.add(new RuleMessage(file, line, "unknown field '" + key + "' (expected one of name, behaviour, description, properties)"));
            } else if (key.equals("properties")) {
                readProperties(file, tuple.getValueNode(), properties, messages);
            } else if (scalar(tuple.getValueNode()) == null) {
                messages.add(new RuleMessage(file, line, "'" + key + "' must be a plain value"));
            } else {
                fields.put(key, scalar(tuple.getValueNode()));
            }
        }
        String name = fields.get("name");
        String behaviour = fields.get("behaviour");
        if (name == null) {
            messages.add(new RuleMessage(file, 1, "missing 'name'"));
        } else if (!NAME.matcher(name).matches()) {
            messages.add(new RuleMessage(file, 1, "name '" + name + "' must be lower case letters, digits and _ , starting with a letter"));
        } else if (!name.equals(fileStem)) {
            messages.add(new RuleMessage(file, 1, "name '" + name + "' must match the file name '" + fileStem + "'"));
        }
        if (behaviour == null) {
            messages.add(new RuleMessage(file, 1, "missing 'behaviour' (the name of a rule file under flows/)"));
        }
        if (messages.size() > before) {
            return null;
        }
        Map<String, String> base = new LinkedHashMap<>(schema.baseValues());
        base.putAll(properties);
        return new CallFlow(CallFlow.sidFor(name), name, behaviour, fields.getOrDefault("description", ""), base);
    }

    private void readProperties(String file, Node node, Map<String, String> properties, List<RuleMessage> messages) {
        if (!(node instanceof MappingNode mapping)) {
            messages.add(new RuleMessage(file, line(node), "'properties' must be a mapping of property keys to values"));
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
            schema.check(key, value).ifPresentOrElse(
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
