package com.callflowrules.rules;

import java.util.Map;
import java.util.Set;

/**
 * What the code a rule-base build generates may reference: every type, method and field named
 * by a generated class is looked up here. Anything not listed is refused, so a new JDK or
 * Drools type is unreachable until someone decides it is safe. Members are listed per type;
 * {@code *} allows every member of a type whose every member is a pure computation on its
 * arguments.
 */
final class RuleAllowList {

    private static final String ALL = "*";
    /** Product fact and action types: records and enums, pure values. */
    private static final Set<String> PRODUCT_TYPES = Set.of(
            "com/callflowrules/facts/AccessCodeEntered",
            "com/callflowrules/facts/RoleCodeEntered",
            "com/callflowrules/facts/Action",
            "com/callflowrules/facts/AdmissionRequested",
            "com/callflowrules/facts/Attendees",
            "com/callflowrules/facts/CallArrived",
            "com/callflowrules/facts/CallEvent",
            "com/callflowrules/facts/CallLeft",
            "com/callflowrules/facts/CallState",
            "com/callflowrules/facts/DtmfPressed",
            "com/callflowrules/facts/MediaStep",
            "com/callflowrules/facts/MeetingState",
            "com/callflowrules/facts/MeetingStopDue",
            "com/callflowrules/facts/Reason",
            "com/callflowrules/facts/RoomToCreate",
            "com/callflowrules/facts/AttemptsLeft",
            "com/callflowrules/facts/CreateRoom",
            "com/callflowrules/facts/EffectiveProperty",
            "com/callflowrules/facts/EffectiveProperties",
            "com/callflowrules/facts/PropertyLayer",
            "com/callflowrules/facts/InCallAction",
            "com/callflowrules/facts/Media",
            "com/callflowrules/facts/MeetingStop",
            "com/callflowrules/facts/MuteOnEntry",
            "com/callflowrules/facts/Placement",
            "com/callflowrules/facts/SelectedFlow",
            "com/callflowrules/facts/StartMeeting",
            "com/callflowrules/facts/Verdict",
            "com/callflowrules/facts/WaitForStart",
            "com/callflowrules/facts/AccessCode",
            "com/callflowrules/facts/Account",
            "com/callflowrules/facts/CallFlow",
            "com/callflowrules/facts/Did",
            "com/callflowrules/facts/DidGroup",
            "com/callflowrules/facts/MeetingRoom",
            "com/callflowrules/facts/Level",
            "com/callflowrules/facts/Role",
            "com/callflowrules/facts/FlowBehaviour",
            "com/callflowrules/facts/FlowEntry",
            "com/callflowrules/facts/UnknownCode",
            "com/callflowrules/facts/Binding",
            "com/callflowrules/facts/InCallEffect");

    private static final Set<String> STRING_METHODS = Set.of(
            "length",
            "isEmpty",
            "isBlank",
            "charAt",
            "equals",
            "equalsIgnoreCase",
            "hashCode",
            "toString",
            "compareTo",
            "compareToIgnoreCase",
            "startsWith",
            "endsWith",
            "contains",
            "indexOf",
            "lastIndexOf",
            "substring",
            "toUpperCase",
            "toLowerCase",
            "trim",
            "strip",
            "stripLeading",
            "stripTrailing",
            "concat",
            "valueOf",
            "join",
            "replace",
            "codePointAt");
    private static final Set<String> BOX_METHODS = Set.of(
            "<init>",
            "valueOf",
            "parseInt",
            "parseLong",
            "parseBoolean",
            "intValue",
            "longValue",
            "doubleValue",
            "floatValue",
            "shortValue",
            "byteValue",
            "booleanValue",
            "charValue",
            "compare",
            "compareTo",
            "equals",
            "hashCode",
            "toString",
            "max",
            "min",
            "sum",
            "signum",
            "isDigit",
            "MAX_VALUE",
            "MIN_VALUE",
            "TRUE",
            "FALSE",
            "TYPE");
    /** Reads and small writes of collections; nothing that takes a lambda or a capacity. */
    private static final Set<String> COLLECTION_METHODS = Set.of(
            "size",
            "isEmpty",
            "contains",
            "containsKey",
            "containsValue",
            "containsAll",
            "get",
            "getOrDefault",
            "keySet",
            "values",
            "entrySet",
            "iterator",
            "hasNext",
            "next",
            "getKey",
            "getValue",
            "equals",
            "hashCode",
            "toString",
            "indexOf",
            "lastIndexOf",
            "add",
            "addAll",
            "put",
            "putAll",
            "putIfAbsent",
            "remove",
            "of",
            "copyOf",
            "subList",
            "first",
            "last",
            "firstKey",
            "lastKey",
            "isPresent",
            "orElse",
            "empty",
            "ofNullable");

    private static final Set<String> NEW_COLLECTION =
            Set.of("<init>()V", "<init>(Ljava/util/Collection;)V", "<init>(Ljava/util/Map;)V");

    private static final Map<String, Set<String>> JDK = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/String", STRING_METHODS),
            Map.entry("java/lang/Comparable", Set.of("compareTo")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "toString", "isEmpty")),
            Map.entry("java/lang/Integer", BOX_METHODS),
            Map.entry("java/lang/Long", BOX_METHODS),
            Map.entry("java/lang/Short", BOX_METHODS),
            Map.entry("java/lang/Byte", BOX_METHODS),
            Map.entry("java/lang/Double", BOX_METHODS),
            Map.entry("java/lang/Float", BOX_METHODS),
            Map.entry("java/lang/Boolean", BOX_METHODS),
            Map.entry("java/lang/Character", BOX_METHODS),
            Map.entry("java/lang/Number", BOX_METHODS),
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
            // Enum values() as compiled by the rule compiler.
            Map.entry("java/lang/System", Set.of("arraycopy")),
            Map.entry("java/lang/Throwable", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/Exception", Set.of("<init>")),
            Map.entry("java/lang/RuntimeException", Set.of("<init>")),
            Map.entry("java/lang/IllegalArgumentException", Set.of("<init>")),
            Map.entry("java/lang/IllegalStateException", Set.of("<init>")),
            Map.entry("java/lang/UnsupportedOperationException", Set.of("<init>")),
            Map.entry("java/lang/NullPointerException", Set.of("<init>")),
            // $deserializeLambda$, generated for every lambda: reads the lambda's description only.
            Map.entry(
                    "java/lang/invoke/SerializedLambda",
                    Set.of(
                            "getFunctionalInterfaceClass",
                            "getFunctionalInterfaceMethodName",
                            "getFunctionalInterfaceMethodSignature",
                            "getImplClass",
                            "getImplMethodKind",
                            "getImplMethodName",
                            "getImplMethodSignature",
                            "getCapturedArg")),
            Map.entry("java/io/Serializable", Set.of()),
            // Class literals name fact types for the model; no method of Class (reflection) is allowed.
            Map.entry("java/lang/Class", Set.of()),
            Map.entry("java/util/Collection", COLLECTION_METHODS),
            Map.entry("java/util/List", COLLECTION_METHODS),
            Map.entry("java/util/Set", COLLECTION_METHODS),
            Map.entry("java/util/Map", COLLECTION_METHODS),
            Map.entry("java/util/Map$Entry", COLLECTION_METHODS),
            Map.entry("java/util/Iterator", COLLECTION_METHODS),
            Map.entry("java/util/Iterable", Set.of("iterator")),
            Map.entry("java/util/Optional", COLLECTION_METHODS),
            Map.entry("java/util/SortedMap", COLLECTION_METHODS),
            Map.entry("java/util/SortedSet", COLLECTION_METHODS),
            Map.entry("java/util/ArrayList", union(COLLECTION_METHODS, NEW_COLLECTION)),
            Map.entry("java/util/HashMap", union(COLLECTION_METHODS, NEW_COLLECTION)),
            Map.entry("java/util/HashSet", union(COLLECTION_METHODS, NEW_COLLECTION)),
            Map.entry("java/util/LinkedHashMap", union(COLLECTION_METHODS, NEW_COLLECTION)),
            Map.entry("java/util/LinkedHashSet", union(COLLECTION_METHODS, NEW_COLLECTION)),
            Map.entry("java/util/TreeMap", union(COLLECTION_METHODS, NEW_COLLECTION)),
            Map.entry("java/util/TreeSet", union(COLLECTION_METHODS, NEW_COLLECTION)),
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
            Map.entry("java/util/function/Supplier", Set.of("get")),
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
            // The generated model's date format (for date literals), built once per class.
            Map.entry(
                    "java/time/format/DateTimeFormatterBuilder",
                    Set.of("<init>", "appendPattern", "parseCaseInsensitive", "toFormatter")),
            Map.entry("java/time/format/DateTimeFormatter", Set.of()),
            // The generated project model describes the module; it builds descriptions, nothing else.
            Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            Map.entry("org/kie/api/builder/ReleaseId", Set.of()),
            Map.entry("org/drools/modelcompiler/CanonicalKieModuleModel", Set.of()),
            Map.entry("org/kie/api/runtime/conf/ClockTypeOption", Set.of("get")),
            Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("org/drools/base/factmodel/GeneratedFact", Set.of()),
            Map.entry("org/drools/base/factmodel/AccessibleFact", Set.of()),
            // What rules do to the working memory: insert, update, delete. Not the runtime, the
            // agenda, channels, entry points or halting.
            Map.entry("org/drools/model/Drools", Set.of("insert", "update", "delete")),
            Map.entry("org/drools/model/DroolsEntryPoint", Set.of("insert", "update", "delete")));

    /** Packages of the rule model DSL the generated code is written in; all members but the refused ones below. */
    private static final Set<String> MODEL_PACKAGES = Set.of(
            "org/drools/model/",
            "org/drools/modelcompiler/dsl/",
            // the built-in accumulate functions (count, sum, min, max, average, collectList, ...)
            "org/drools/core/base/accumulators/",
            "org/drools/modelcompiler/util/",
            "org/kie/api/builder/model/",
            "org/kie/api/conf/");
    /** Model members that reach shared state, the clock or the runtime. */
    private static final Map<String, String> MODEL_REFUSED = Map.ofEntries(
            Map.entry("globalOf", "globals, which every decision shares"),
            Map.entry("TIMER", "timers, which run on the clock"),
            Map.entry("timer", "timers, which run on the clock"),
            Map.entry("CALENDARS", "calendars, which read the clock"),
            Map.entry("DURATION", "durations, which run on the clock"),
            Map.entry("DATE_EFFECTIVE", "effective dates, which read the clock"),
            Map.entry("DATE_EXPIRES", "expiry dates, which read the clock"),
            Map.entry("window", "sliding windows, which run on the clock"),
            Map.entry("getRuntime", "the rule runtime"),
            Map.entry("getKieRuntime", "the rule runtime"),
            Map.entry("getContext", "the rule runtime"),
            Map.entry("halt", "the rule runtime"),
            Map.entry("getChannel", "channels out of the rule engine"));
    /** Model types that run code or read state outside the decision. */
    private static final Set<String> MODEL_TYPES_REFUSED =
            Set.of("org/drools/model/operators/MatchesOperator", "org/drools/model/Channel", "org/drools/model/Global");

    private RuleAllowList() {}

    /** Why {@code owner.member} (descriptor {@code descriptor}) may not be referenced, or {@code null} when it may. */
    static String refusal(String owner, String member, String descriptor) {
        String type = elementType(owner);
        if (type == null || PRODUCT_TYPES.contains(type)) {
            return null;
        }
        Set<String> members = JDK.get(type);
        if (members != null) {
            return member == null
                            || members.contains(ALL)
                            || members.contains(member)
                            || descriptor != null && members.contains(member + descriptor)
                    ? null
                    : "it is not on the allow-list";
        }
        if (MODEL_PACKAGES.stream().anyMatch(type::startsWith)) {
            if (MODEL_TYPES_REFUSED.contains(type)) {
                return "it reaches outside the decision";
            }
            String why = member == null ? null : MODEL_REFUSED.get(member);
            return why == null ? null : "rules may not use " + why;
        }
        return "it is not on the allow-list";
    }

    /** The class named by an internal name or array descriptor; {@code null} for primitives. */
    private static String elementType(String owner) {
        String type = owner;
        while (type.startsWith("[")) {
            type = type.substring(1);
        }
        if (type.length() == 1) {
            return null;
        }
        return type.startsWith("L") && type.endsWith(";") ? type.substring(1, type.length() - 1) : type;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
