package com.callflowrules.rules;

import com.callflowrules.properties.PropertySchema;
import com.callflowrules.properties.PropertyType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns what {@link CompiledRuleCheck} found into messages an author can act on (file, line,
 * rule, what was reached), and runs the meaning checks on the constants the compiled rules
 * compare: every property key a rule reads is in the property schema, every key prefix or
 * suffix it matches names at least one key, and every in-call action it names is one the
 * product knows.
 */
final class CompiledRuleMessages {

    private static final String PROPERTY_KEY = "com/callflowrules/facts/EffectiveProperty.key";
    /** The typed reads of the one properties fact, each taking a key: value("did_language"), seconds(...). */
    private static final String PROPERTY_READ = "com/callflowrules/facts/EffectiveProperties.";

    private static final String PROPERTY_VALUE = PROPERTY_READ + "value";

    /** The typed reads and the one type each reads; {@code value} reads any key as text. */
    private static final Map<String, PropertyType> TYPED_READS = Map.of(
            PROPERTY_READ + "on", PropertyType.ON_OFF,
            PROPERTY_READ + "seconds", PropertyType.SECONDS,
            PROPERTY_READ + "attempts", PropertyType.ATTEMPTS,
            PROPERTY_READ + "roles", PropertyType.ROLES,
            PROPERTY_READ + "startHow", PropertyType.START_HOW,
            PROPERTY_READ + "stopHow", PropertyType.STOP_HOW);

    private static final Set<String> ACTION =
            Set.of("com/callflowrules/facts/Binding.action", "com/callflowrules/facts/InCallAction.name");

    private final CompiledRuleCheck check;
    private final RuleSourceIndex sources;
    private final PropertySchema schema;

    CompiledRuleMessages(CompiledRuleCheck check, RuleSourceIndex sources, PropertySchema schema) {
        this.check = check;
        this.sources = sources;
        this.schema = schema;
    }

    List<RuleMessage> messages() {
        Set<RuleMessage> messages = new LinkedHashSet<>();
        for (CompiledRuleCheck.Finding finding : check.findings()) {
            messages.add(locate(finding.className(), finding.method(), finding.what()));
        }
        Set<String> actions = knownActions();
        for (CompiledRuleCheck.ConstantUse use : check.constantUses()) {
            String problem = meaning(use, actions);
            if (problem != null) {
                messages.add(locate(use.className(), use.method(), problem));
            }
        }
        List<RuleMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing(RuleMessage::file).thenComparingInt(RuleMessage::line));
        return sorted;
    }

    /** The in-call actions: the actions of the schema's binding rows. */
    private Set<String> knownActions() {
        return new TreeSet<>(schema.actions());
    }

    private String meaning(CompiledRuleCheck.ConstantUse use, Set<String> actions) {
        String value = use.value();
        if (use.accessor().startsWith(PROPERTY_READ) && "argument".equals(use.operator())) {
            if (!schema.keys().contains(value)) {
                return "property key '" + value + "' is not in the property schema";
            }
            PropertyType reads = TYPED_READS.get(use.accessor());
            PropertyType has = schema.definition(value).orElseThrow().type();
            return reads == null || reads == has
                    ? null
                    : "property " + value + " is read with " + use.accessor().substring(PROPERTY_READ.length())
                            + ", which reads " + reads.rule() + ", but its values are " + has.rule();
        }
        if (PROPERTY_VALUE.equals(use.accessor()) && "equals".equals(use.operator()) && use.key() != null) {
            // An unknown key is reported by its own read; a value outside the key's type never matches.
            return schema.definition(use.key())
                    .flatMap(definition -> definition.type().check(value))
                    .map(reason -> "property " + use.key() + " is compared with '" + value
                            + "', a value it cannot have: " + reason)
                    .orElse(null);
        }
        if (PROPERTY_KEY.equals(use.accessor())) {
            return switch (use.operator()) {
                case "equals" ->
                    schema.keys().contains(value) ? null : "property key '" + value + "' is not in the property schema";
                case "startsWith" ->
                    schema.keys().stream().anyMatch(k -> k.startsWith(value))
                            ? null
                            : "no property key in the schema starts with '" + value + "'";
                case "endsWith" ->
                    schema.keys().stream().anyMatch(k -> k.endsWith(value))
                            ? null
                            : "no property key in the schema ends with '" + value + "'";
                default -> null;
            };
        }
        if (ACTION.contains(use.accessor())
                && ("equals".equals(use.operator()) || "construct".equals(use.operator()))) {
            return actions.contains(value)
                    ? null
                    : "in-call action '" + value + "' is not one the product knows (" + String.join(", ", actions)
                            + ")";
        }
        return null;
    }

    private RuleMessage locate(String className, String method, String what) {
        String simpleName = className.substring(className.lastIndexOf('/') + 1);
        RuleSourceIndex.Place function = sources.function(method);
        if (function != null && check.ruleOfMethod(className, method) == null) {
            return new RuleMessage(function.file(), function.line(), "function " + method + ": " + what);
        }
        RuleSourceIndex.Place declared = sources.declaredType(simpleName);
        if (declared != null) {
            return new RuleMessage(declared.file(), declared.line(), "declared type " + simpleName + ": " + what);
        }
        String rule = check.ruleOf(className, method);
        RuleSourceIndex.Place place = rule == null ? null : sources.rule(rule);
        if (place != null) {
            return new RuleMessage(place.file(), place.line(), "rule \"" + rule + "\": " + what);
        }
        RuleSourceIndex.Place query =
                method.startsWith("query_") || what.contains("queries") ? sources.query(method) : null;
        if (query != null) {
            return new RuleMessage(query.file(), query.line(), "query: " + what);
        }
        return new RuleMessage(".", 0, "generated " + simpleName + "." + method + ": " + what);
    }
}
