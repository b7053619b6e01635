package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The build-time check of the {@link Phase phases}, on the compiled rules: every rule's
 * {@code ruleflow-group} (Drools 10's name for an agenda group) is a phase, no rule orders itself with {@code salience} or
 * {@code auto-focus}, and every fact type a rule's conditions read is an input fact (no rule
 * inserts it) or inserted only by rules of its own phase or an earlier one; a fact under
 * {@code not} only by earlier phases. What a rule inserts comes from {@link InsertedFacts}.
 */
final class PhaseCheck {

    /** One fact type a rule's conditions read, and whether under {@code not}. */
    private record Read(Class<?> type, boolean negated) {}

    private final Map<String, Set<String>> insertedByRule;
    private final RuleSourceIndex sources;
    private final ClassLoader loader;

    PhaseCheck(Map<String, Set<String>> insertedByRule, RuleSourceIndex sources, ClassLoader loader) {
        this.insertedByRule = insertedByRule;
        this.sources = sources;
        this.loader = loader;
    }

    List<RuleMessage> check(KieBase kieBase) {
        List<RuleMessage> messages = new ArrayList<>();
        Map<RuleImpl, Phase> phases = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                RuleImpl rule = (RuleImpl) r;
                Phase.ofGroup(rule.getAgendaGroup())
                        .ifPresentOrElse(
                                phase -> phases.put(rule, phase),
                                () -> messages.add(at(
                                        rule,
                                        ("MAIN".equals(rule.getAgendaGroup())
                                                        ? "names no phase"
                                                        : "ruleflow-group '" + rule.getAgendaGroup()
                                                                + "' is not a phase")
                                                + "; a rule runs in one of "
                                                + Phase.inOrder().stream()
                                                        .map(p -> "\"" + p.groupName() + "\"")
                                                        .collect(Collectors.joining(", "))
                                                + " (ruleflow-group \"<phase>\")")));
                if (rule.getSalience().isDynamic() || rule.getSalienceValue() != 0) {
                    messages.add(at(
                            rule, "salience orders nothing here: the rule's phase (ruleflow-group) says when it runs"));
                }
                if (rule.getAutoFocus()) {
                    messages.add(at(rule, "auto-focus would run its phase out of order"));
                }
            }
        }
        Map<Class<?>, Set<Phase>> producers = producers(phases, messages);
        phases.forEach((rule, phase) -> {
            List<Read> reads = new ArrayList<>();
            reads(rule.getLhs(), false, reads);
            for (Read read : reads) {
                Set<Phase> by = EnumSet.noneOf(Phase.class);
                producers.forEach((type, ps) -> {
                    if (read.type().isAssignableFrom(type) || type.isAssignableFrom(read.type())) {
                        by.addAll(ps);
                    }
                });
                String name = read.type().getSimpleName();
                if (read.negated() && by.stream().anyMatch(p -> p.compareTo(phase) >= 0)) {
                    messages.add(at(
                            rule,
                            "phase \"" + phase.groupName() + "\" negates " + name + ", which phase " + names(by)
                                    + " inserts; 'not' may read input facts and facts of earlier phases only"));
                } else if (!read.negated() && by.stream().anyMatch(p -> p.compareTo(phase) > 0)) {
                    messages.add(at(
                            rule,
                            "phase \"" + phase.groupName() + "\" reads " + name + ", which the later phase " + names(by)
                                    + " inserts; a rule sees facts of its own and earlier phases only"));
                }
            }
        });
        return messages;
    }

    /** Fact type to the phases whose rules insert it. */
    private Map<Class<?>, Set<Phase>> producers(Map<RuleImpl, Phase> phases, List<RuleMessage> messages) {
        Map<Class<?>, Set<Phase>> producers = new HashMap<>();
        phases.forEach((rule, phase) -> {
            for (String type : insertedByRule.getOrDefault(rule.getName(), Set.of())) {
                if (type.equals(InsertedFacts.UNKNOWN)) {
                    messages.add(at(
                            rule,
                            "inserts a value whose type the check cannot tell; insert a new fact of a named type"));
                    continue;
                }
                try {
                    producers
                            .computeIfAbsent(Class.forName(type, false, loader), t -> EnumSet.noneOf(Phase.class))
                            .add(phase);
                } catch (ClassNotFoundException e) {
                    messages.add(at(rule, "inserts " + type + ", which the rule base does not define"));
                }
            }
        });
        return producers;
    }

    /** The fact types a condition element reads from working memory. */
    private static void reads(RuleConditionElement element, boolean negated, List<Read> into) {
        if (element instanceof GroupElement group) {
            for (RuleConditionElement child : group.getChildren()) {
                reads(child, negated || group.isNot(), into);
            }
        } else if (element instanceof Pattern pattern) {
            if (pattern.getSource() instanceof From) {
                return;
            }
            if (pattern.getSource() != null) {
                reads(pattern.getSource(), negated, into);
            } else if (pattern.getObjectType() instanceof ClassObjectType type) {
                into.add(new Read(type.getClassType(), negated));
            }
        } else if (element != null) {
            for (RuleConditionElement nested : element.getNestedElements()) {
                reads(nested, negated, into);
            }
        }
    }

    private static String names(Set<Phase> phases) {
        Set<String> names = new LinkedHashSet<>();
        phases.forEach(p -> names.add("\"" + p.groupName() + "\""));
        return String.join(" and ", names);
    }

    private RuleMessage at(RuleImpl rule, String what) {
        RuleSourceIndex.Place place = sources.rule(rule.getName());
        return place == null
                ? new RuleMessage(".", 0, "rule \"" + rule.getName() + "\": " + what)
                : new RuleMessage(place.file(), place.line(), "rule \"" + rule.getName() + "\": " + what);
    }
}
