package com.callflowrules.rules;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The types outside the product that the author's code ({@link CodeRegion#AUTHOR}: constraints,
 * consequences, functions, declared types) may name, each with the members it may use: JDK
 * values and small collections, the working-memory verbs of a consequence, and the comparisons
 * the executable model writes into constraints. Nothing here names a class by string, reflects,
 * reads the clock, the environment, files, the network or another thread, or grows data faster
 * than its inputs. A member is listed by name (every overload) or by name and descriptor (one
 * overload, as for constructors).
 */
final class AuthorMembers {

    private static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/String", AuthorMethodSets.STRING_METHODS),
            Map.entry("java/lang/Comparable", Set.of("compareTo")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "toString", "isEmpty")),
            Map.entry("java/lang/Integer", AuthorMethodSets.BOX_METHODS),
            Map.entry("java/lang/Long", AuthorMethodSets.BOX_METHODS),
            Map.entry("java/lang/Short", AuthorMethodSets.BOX_METHODS),
            Map.entry("java/lang/Byte", AuthorMethodSets.BOX_METHODS),
            Map.entry("java/lang/Double", AuthorMethodSets.BOX_METHODS),
            Map.entry("java/lang/Float", AuthorMethodSets.BOX_METHODS),
            Map.entry("java/lang/Boolean", AuthorMethodSets.BOX_METHODS),
            Map.entry("java/lang/Character", AuthorMethodSets.BOX_METHODS),
            Map.entry("java/lang/Number", AuthorMethodSets.BOX_METHODS),
            Map.entry(
                    "java/lang/Math",
                    Set.of(
                            "abs",
                            "max",
                            "min",
                            "addExact",
                            "subtractExact",
                            "multiplyExact",
                            "floorDiv",
                            "floorMod",
                            "ceil",
                            "floor",
                            "round",
                            "signum",
                            "toIntExact")),
            // No capacity constructor: a rule may not allocate what it does not fill.
            Map.entry(
                    "java/lang/StringBuilder",
                    Set.of("<init>()V", "<init>(Ljava/lang/String;)V", "append", "toString", "length", "charAt")),
            Map.entry(
                    "java/lang/Enum",
                    Set.of("<init>", "name", "ordinal", "equals", "hashCode", "toString", "compareTo", "valueOf")),
            Map.entry("java/lang/Record", Set.of("<init>")),
            // A declared enum's values(), as the rule compiler writes it: a copy of its own array.
            Map.entry("java/lang/System", Set.of("arraycopy")),
            Map.entry("java/lang/Throwable", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/Exception", Set.of("<init>")),
            Map.entry("java/lang/RuntimeException", Set.of("<init>")),
            Map.entry("java/lang/IllegalArgumentException", Set.of("<init>")),
            Map.entry("java/lang/IllegalStateException", Set.of("<init>")),
            Map.entry("java/lang/UnsupportedOperationException", Set.of("<init>")),
            Map.entry("java/lang/NullPointerException", Set.of("<init>")),
            Map.entry("java/io/Serializable", Set.of()),
            // A declared enum's valueOf names its own class; no method of Class (reflection) is allowed,
            // and author code may write no other class literal (CompiledRuleCheck).
            Map.entry("java/lang/Class", Set.of()),
            Map.entry("java/util/Collection", AuthorMethodSets.COLLECTION_METHODS),
            Map.entry("java/util/List", AuthorMethodSets.COLLECTION_METHODS),
            Map.entry("java/util/Set", AuthorMethodSets.COLLECTION_METHODS),
            Map.entry("java/util/Map", AuthorMethodSets.COLLECTION_METHODS),
            Map.entry("java/util/Map$Entry", AuthorMethodSets.COLLECTION_METHODS),
            Map.entry("java/util/Iterator", AuthorMethodSets.COLLECTION_METHODS),
            Map.entry("java/lang/Iterable", Set.of("iterator")),
            Map.entry("java/util/Optional", AuthorMethodSets.COLLECTION_METHODS),
            Map.entry("java/util/SortedMap", AuthorMethodSets.COLLECTION_METHODS),
            Map.entry("java/util/SortedSet", AuthorMethodSets.COLLECTION_METHODS),
            Map.entry(
                    "java/util/ArrayList", union(AuthorMethodSets.COLLECTION_METHODS, AuthorMethodSets.NEW_COLLECTION)),
            Map.entry("java/util/HashMap", union(AuthorMethodSets.COLLECTION_METHODS, AuthorMethodSets.NEW_COLLECTION)),
            Map.entry("java/util/HashSet", union(AuthorMethodSets.COLLECTION_METHODS, AuthorMethodSets.NEW_COLLECTION)),
            Map.entry(
                    "java/util/LinkedHashMap",
                    union(AuthorMethodSets.COLLECTION_METHODS, AuthorMethodSets.NEW_COLLECTION)),
            Map.entry(
                    "java/util/LinkedHashSet",
                    union(AuthorMethodSets.COLLECTION_METHODS, AuthorMethodSets.NEW_COLLECTION)),
            Map.entry("java/util/TreeMap", union(AuthorMethodSets.COLLECTION_METHODS, AuthorMethodSets.NEW_COLLECTION)),
            Map.entry("java/util/TreeSet", union(AuthorMethodSets.COLLECTION_METHODS, AuthorMethodSets.NEW_COLLECTION)),
            Map.entry(
                    "java/util/Collections",
                    Set.of(
                            "emptyList",
                            "emptyMap",
                            "emptySet",
                            "singletonList",
                            "singleton",
                            "singletonMap",
                            "unmodifiableList",
                            "unmodifiableMap",
                            "unmodifiableSet",
                            "unmodifiableCollection")),
            Map.entry("java/util/Arrays", Set.of("asList")),
            // how the model names an accumulate function's constructor
            Map.entry(
                    "java/util/Objects",
                    Set.of(
                            "equals",
                            "hashCode",
                            "isNull",
                            "nonNull",
                            "requireNonNull",
                            "requireNonNullElse",
                            "toString")),
            Map.entry("java/util/Locale", Set.of("ENGLISH", "ROOT", "US")),
            // Patterns: only a constant the regex check passed may be compiled (CompiledRuleCheck).
            Map.entry("java/util/regex/Pattern", Set.of("compile", "matcher")),
            Map.entry("java/util/regex/Matcher", Set.of("matches", "find", "lookingAt")),
            // Interfaces every declared type implements; no member of them is called.
            Map.entry("org/drools/base/factmodel/GeneratedFact", Set.of()),
            Map.entry("org/drools/base/factmodel/AccessibleFact", Set.of()),
            // What rules do to the working memory: insert, update, delete. Not the runtime, the
            // agenda, channels, entry points or halting.
            Map.entry("org/drools/model/Drools", Set.of("insert", "update", "delete")),
            Map.entry("org/drools/model/BitMask", Set.of()),
            // The comparisons the executable model writes for ==, <, >= ... in a constraint.
            Map.entry(
                    "org/drools/modelcompiler/util/EvaluationUtil",
                    Set.of(
                            "areNullSafeEquals",
                            "areNumbersNullSafeEquals",
                            "equals",
                            "notEquals",
                            "greaterOrEqual",
                            "greaterOrEqualNumbers",
                            "greaterOrEqualStringsAsNumbers",
                            "greaterThan",
                            "greaterThanNumbers",
                            "greaterThanStringsAsNumbers",
                            "lessOrEqual",
                            "lessOrEqualNumbers",
                            "lessOrEqualStringsAsNumbers",
                            "lessThan",
                            "lessThanNumbers",
                            "lessThanStringsAsNumbers")),
            // Operators written as words (contains, in, str[startsWith], ...), applied by D.eval.
            Map.entry(
                    "org/drools/modelcompiler/dsl/pattern/D",
                    Set.of("eval(Lorg/drools/model/functions/Operator;Ljava/lang/Object;[Ljava/lang/Object;)Z")),
            Map.entry("org/drools/model/functions/Operator", Set.of()),
            Map.entry("org/drools/model/operators/ContainsOperator", Set.of("INSTANCE")),
            Map.entry("org/drools/model/operators/ExcludesOperator", Set.of("INSTANCE")),
            Map.entry("org/drools/model/operators/InOperator", Set.of("INSTANCE")),
            Map.entry("org/drools/model/operators/MemberOfOperator", Set.of("INSTANCE")),
            Map.entry("org/drools/model/operators/SoundsLikeOperator", Set.of("INSTANCE")),
            Map.entry("org/drools/model/operators/StringEndsWithOperator", Set.of("INSTANCE")),
            Map.entry("org/drools/model/operators/StringStartsWithOperator", Set.of("INSTANCE")),
            Map.entry("org/drools/model/operators/StringLengthWithOperator", Set.of("INSTANCE")));

    private AuthorMembers() {}

    /** The members of {@code type} generated code may use, or {@code null} when the type is not listed. */
    static Set<String> of(String type) {
        return MEMBERS.get(type);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        HashSet<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
