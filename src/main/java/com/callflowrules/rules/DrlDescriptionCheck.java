package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What must be refused before the compiler sees a rule file, read from the DRL parser's
 * description of it (the parser builds a description; it evaluates nothing):
 * <ul>
 *   <li>more than {@value #MAX_DEFINITIONS} rules, functions and declared types, since compiling
 *       takes time with their number;
 *   <li>a declared enum whose constants or fields are given by anything but a literal: the
 *       executable model's build initialises a declared enum while it compiles the rules that
 *       use it, which would run the author's expressions before the compiled check has read them;
 *   <li>an annotation (rule metadata such as {@code @probe(...)}, or one on a declared type or
 *       field) whose value is anything but a literal or a plain name: the build evaluates a
 *       metadata value it can resolve, before the compiled check.
 * </ul>
 * A file the parser cannot read is left to the compiler's messages.
 */
final class DrlDescriptionCheck {

    static final int MAX_DEFINITIONS = 2_000;

    /** A plain name, as in {@code @role(event)}: no dot, no call. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A Java literal: a string or char with no unicode escape, a number, a boolean or null. */
    private static final Pattern LITERAL = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\[^u])*\"|'(?:[^'\\\\]|\\\\[^u])'|-?[0-9][0-9_]*(?:\\.[0-9]+)?[lLfFdD]?|true|false|null");

    private DrlDescriptionCheck() {}

    static List<RuleMessage> check(Map<String, String> files) {
        List<RuleMessage> refused = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().endsWith(".drl")) {
                continue;
            }
            PackageDescr description;
            try {
                description = new DrlParser().parse(false, file.getValue());
            } catch (DroolsParserException | RuntimeException e) {
                continue; // the compiler reports it with its line
            } catch (StackOverflowError e) {
                refused.add(new RuleMessage(file.getKey(), 0, "refused: an expression is nested too deep to parse"));
                continue;
            }
            if (description == null) {
                continue;
            }
            total += description.getRules().size()
                    + description.getFunctions().size()
                    + description.getTypeDeclarations().size()
                    + description.getEnumDeclarations().size();
            if (total > MAX_DEFINITIONS) {
                refused.add(new RuleMessage(
                        file.getKey(),
                        0,
                        "more than " + MAX_DEFINITIONS
                                + " rules, functions and declared types: a rule base holds at most that"));
                break;
            }
            for (EnumDeclarationDescr declared : description.getEnumDeclarations()) {
                enumValues(file.getKey(), declared, refused);
                annotations(file.getKey(), "declared enum " + declared.getTypeName(), declared, refused);
            }
            for (var declared : description.getTypeDeclarations()) {
                annotations(file.getKey(), "declared type " + declared.getTypeName(), declared, refused);
                for (TypeFieldDescr field : declared.getFields().values()) {
                    annotations(
                            file.getKey(),
                            "declared type " + declared.getTypeName() + ", field " + field.getFieldName(),
                            field,
                            refused);
                }
            }
            for (RuleDescr rule : description.getRules()) {
                annotations(file.getKey(), "rule \"" + rule.getName() + "\"", rule, refused);
            }
        }
        return refused;
    }

    private static void annotations(
            String file, String where, AnnotatedBaseDescr annotated, List<RuleMessage> refused) {
        for (AnnotationDescr annotation : annotated.getAnnotations()) {
            for (Object value : annotation.getValueMap().values()) {
                String expression = expressionIn(value);
                if (expression != null) {
                    refused.add(new RuleMessage(
                            file,
                            Math.max(annotation.getLine(), Math.max(annotated.getLine(), 0)),
                            where + ": the value of @" + annotation.getName()
                                    + " must be a literal (a string, a number, true, false) or a plain name: '"
                                    + expression + "' is an expression, which the build would evaluate"));
                }
            }
        }
    }

    /** The first value in {@code value} (a string, a nested annotation, an array) that is not a literal or name. */
    private static String expressionIn(Object value) {
        if (value instanceof String text) {
            String stripped = text.strip();
            return LITERAL.matcher(stripped).matches() || NAME.matcher(stripped).matches() ? null : stripped;
        }
        if (value instanceof AnnotationDescr nested) {
            for (Object inner : nested.getValueMap().values()) {
                String expression = expressionIn(inner);
                if (expression != null) {
                    return expression;
                }
            }
        }
        if (value instanceof Object[] values) {
            for (Object inner : values) {
                String expression = expressionIn(inner);
                if (expression != null) {
                    return expression;
                }
            }
        }
        return null;
    }

    private static void enumValues(String file, EnumDeclarationDescr declared, List<RuleMessage> refused) {
        for (EnumLiteralDescr literal : declared.getLiterals()) {
            for (String argument : literal.getConstructorArgs()) {
                if (!LITERAL.matcher(argument.strip()).matches()) {
                    refused.add(new RuleMessage(
                            file,
                            Math.max(declared.getLine(), 0),
                            "declared enum " + declared.getTypeName() + ": the value of " + literal.getName()
                                    + " must be a literal (a string, a number, true, false): '" + argument.strip()
                                    + "' is an expression, which would run while the rules compile"));
                }
            }
        }
        for (TypeFieldDescr field : declared.getFields().values()) {
            if (field.getInitExpr() != null) {
                refused.add(new RuleMessage(
                        file,
                        Math.max(declared.getLine(), 0),
                        "declared enum " + declared.getTypeName() + ": field " + field.getFieldName()
                                + " may not have a default; give each constant its value"));
            }
        }
    }
}
