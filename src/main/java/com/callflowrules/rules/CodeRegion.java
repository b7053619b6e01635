package com.callflowrules.rules;

import java.util.Set;
import java.util.regex.Pattern;
import org.objectweb.asm.Opcodes;

/**
 * Who wrote a method of the generated code. The executable model writes Java around what the
 * author wrote: the rule definitions ({@code rule_*}), the model and project descriptions, the
 * enum scaffolding of each lambda class. That scaffolding is {@link #ENGINE} code and may call the
 * model DSL the engine needs; everything else (constraints, consequences, functions, declared
 * types, and any class of a shape not known here) is {@link #AUTHOR} code and may call only the
 * domain and a small listed part of the JDK. Author code may not call engine methods of the
 * generated classes either, so the engine's list is never within an author's reach.
 */
enum CodeRegion {
    AUTHOR,
    ENGINE;

    /** The rule package's model class: {@code <pkg>/Rules<hash>}. */
    private static final Pattern RULES_CLASS = Pattern.compile("(.*/)?Rules[0-9A-F]{32}");
    /** A class of {@code rule_*} methods: {@code <pkg>/Rules<hash>RuleMethods<n>}. */
    private static final Pattern RULE_METHODS = Pattern.compile("(.*/)?Rules[0-9A-F]{32}RuleMethods\\d+");
    /** A lambda class of the model: {@code <pkg>/P<2 hex>/Lambda<kind><hash>}, an enum with one INSTANCE. */
    private static final Pattern LAMBDA_CLASS = Pattern.compile("(.*/)?P[0-9A-F]{2}/Lambda[A-Za-z]+[0-9A-F]{32}");

    private static final Pattern DOMAIN_METADATA = Pattern.compile("(.*/)?DomainClassesMetadata[0-9A-F]{32}(\\$.*)?");
    private static final String PROJECT_MODEL = "org/drools/project/model/";

    /** The model class's own methods; any other method of it is a DRL function. */
    private static final Set<String> RULES_CLASS_METHODS = Set.of(
            "<clinit>()V",
            "<init>()V",
            "getName()Ljava/lang/String;",
            "getPackageName()Ljava/lang/String;",
            "getGlobals()Ljava/util/List;",
            "getTypeMetaDatas()Ljava/util/List;",
            "getRules()Ljava/util/List;",
            "getRulesList()Ljava/util/List;",
            "getQueries()Ljava/util/List;",
            "getEntryPoints()Ljava/util/List;");
    /** The enum scaffolding of a lambda class; its one functional method holds the author's code. */
    private static final Set<String> LAMBDA_METHODS =
            Set.of("<clinit>", "<init>", "values", "valueOf", "getExpressionHash", "predicateInformation");

    /** The region of method {@code name}{@code descriptor} (access flags {@code access}) of generated class {@code owner}. */
    static CodeRegion of(String owner, int access, String name, String descriptor) {
        if (owner.startsWith(PROJECT_MODEL) || DOMAIN_METADATA.matcher(owner).matches()) {
            return ENGINE;
        }
        if (RULES_CLASS.matcher(owner).matches()) {
            return RULES_CLASS_METHODS.contains(name + descriptor) ? ENGINE : AUTHOR;
        }
        if (RULE_METHODS.matcher(owner).matches()) {
            // rule_* builds the rule; a lambda inside one (in a metadata value) is the author's
            return (name.startsWith("rule_") || name.equals("<init>")) && (access & Opcodes.ACC_SYNTHETIC) == 0
                    ? ENGINE
                    : AUTHOR;
        }
        if (LAMBDA_CLASS.matcher(owner).matches()) {
            return LAMBDA_METHODS.contains(name) || (access & Opcodes.ACC_BRIDGE) != 0 ? ENGINE : AUTHOR;
        }
        return AUTHOR;
    }

    /** The region of a generated class as a whole (its supertypes, its fields): author unless it is pure scaffolding. */
    static CodeRegion ofClass(String owner) {
        return owner.startsWith(PROJECT_MODEL)
                        || DOMAIN_METADATA.matcher(owner).matches()
                        || RULES_CLASS.matcher(owner).matches()
                        || RULE_METHODS.matcher(owner).matches()
                        || LAMBDA_CLASS.matcher(owner).matches()
                ? ENGINE
                : AUTHOR;
    }
}
