package com.callflowrules.rules;

import java.util.Map;
import java.util.Set;

/**
 * What the executable model's own scaffolding ({@link CodeRegion#ENGINE} code) may call besides
 * the author's list: the rule-model DSL it builds rules with, the project-model description of
 * the module, and the few JDK members of enum and date-literal scaffolding. Every member here
 * only builds a description; none reads a class by name, runs a script, reaches the runtime, the
 * clock or another session. Author code cannot call any of it. A member is listed by name (every
 * overload) or by name and descriptor (one overload, where another overload is not harmless:
 * {@code accFunction(Class)} instantiates any class, {@code accFunction(Supplier)} does not).
 */
final class EngineMembers {

    private static final String DSL = "org/drools/modelcompiler/dsl/pattern/D";

    private static final Set<String> DSL_BUILDERS = Set.of(
            "accFunction(Ljava/util/function/Supplier;)Lorg/drools/model/functions/accumulate/AccumulateFunction;",
            "accFunction(Ljava/util/function/Supplier;Lorg/drools/model/Argument;)"
                    + "Lorg/drools/model/functions/accumulate/AccumulateFunction;",
            "accumulate",
            "alphaIndexedBy",
            "and",
            "betaIndexedBy",
            "declarationOf",
            "eval",
            "execute",
            "exists",
            "expr",
            "forall",
            "from",
            "not",
            "on",
            "or",
            "pattern",
            "reactOn",
            "reactiveFrom",
            "rule",
            "typeMetaData",
            "valueOf");

    private static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry(DSL, DSL_BUILDERS),
            Map.entry("org/drools/model/PatternDSL$PatternDef", Set.of("bind", "expr", "passive", "watch")),
            Map.entry("org/drools/model/PatternDSL$ExprViewItem", Set.of()),
            Map.entry(
                    "org/drools/model/Rule$Attribute",
                    Set.of(
                            "RULEFLOW_GROUP",
                            "AGENDA_GROUP",
                            "NO_LOOP",
                            "LOCK_ON_ACTIVE",
                            "ACTIVATION_GROUP",
                            "AUTO_FOCUS",
                            "SALIENCE",
                            "ENABLED",
                            "DIALECT")),
            Map.entry("org/drools/model/Rule", Set.of()),
            Map.entry("org/drools/model/Query", Set.of()),
            Map.entry("org/drools/model/Model", Set.of()),
            Map.entry("org/drools/model/Global", Set.of()),
            Map.entry("org/drools/model/EntryPoint", Set.of()),
            Map.entry("org/drools/model/TypeMetaData", Set.of()),
            Map.entry("org/drools/model/impl/TypeMetaDataImpl", Set.of("addAnnotation")),
            Map.entry("org/drools/model/AnnotationValue", Set.of()),
            Map.entry("org/drools/model/Declaration", Set.of()),
            Map.entry("org/drools/model/Variable", Set.of()),
            Map.entry("org/drools/model/Argument", Set.of()),
            Map.entry("org/drools/model/Value", Set.of()),
            Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
            Map.entry(
                    "org/drools/model/Index$ConstraintType",
                    Set.of(
                            "EQUAL",
                            "NOT_EQUAL",
                            "GREATER_THAN",
                            "GREATER_OR_EQUAL",
                            "LESS_THAN",
                            "LESS_OR_EQUAL",
                            "FORALL_SELF_JOIN",
                            "UNKNOWN")),
            Map.entry("org/drools/model/RuleItemBuilder", Set.of()),
            Map.entry("org/drools/model/view/ViewItem", Set.of()),
            Map.entry("org/drools/model/view/ViewItemBuilder", Set.of()),
            Map.entry("org/drools/model/view/ExprViewItem", Set.of()),
            Map.entry("org/drools/model/impl/RuleBuilder", Set.of("attribute", "metadata", "build")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_0", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_1", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_2", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_3", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_4", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_5", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_6", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_7", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_8", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_9", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_10", Set.of("execute")),
            Map.entry(
                    "org/drools/model/functions/PredicateInformation",
                    Set.of("<init>", "addRuleNames", "setMoreThanMaxRuleDefs")),
            Map.entry("org/drools/model/functions/HashedExpression", Set.of()),
            Map.entry("org/drools/model/functions/accumulate/AccumulateFunction", Set.of("as")),
            // The built-in accumulate functions (count, sum, min, max, average, collectList, ...),
            // named by their constructors; see isBuiltInAccumulateFunction.
            Map.entry("java/lang/Enum", Set.of("<init>", "valueOf")),
            Map.entry("java/lang/System", Set.of("arraycopy")),
            // $deserializeLambda$, generated for a serializable lambda: reads its description only.
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
            Map.entry("java/lang/Class", Set.of()),
            Map.entry("java/util/function/Supplier", Set.of()),
            // The generated model's date format (for date literals), built once per class.
            Map.entry(
                    "java/time/format/DateTimeFormatterBuilder",
                    Set.of("<init>", "appendPattern", "parseCaseInsensitive", "toFormatter")),
            Map.entry("java/time/format/DateTimeFormatter", Set.of()),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            // The generated project model describes the module; it builds descriptions, nothing else.
            Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            Map.entry("org/kie/api/builder/ReleaseId", Set.of()),
            Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")),
            Map.entry("org/drools/modelcompiler/CanonicalKieModuleModel", Set.of()),
            Map.entry("org/kie/api/builder/model/KieModuleModel", Set.of("newKieBaseModel")),
            Map.entry(
                    "org/kie/api/builder/model/KieBaseModel",
                    Set.of(
                            "addPackage",
                            "newKieSessionModel",
                            "setDefault",
                            "setEventProcessingMode",
                            "setMutability",
                            "setSessionsPool")),
            Map.entry("org/kie/api/builder/model/KieSessionModel", Set.of("setClockType", "setDefault", "setType")),
            Map.entry("org/kie/api/builder/model/KieSessionModel$KieSessionType", Set.of("STATEFUL", "STATELESS")),
            Map.entry("org/kie/api/conf/EventProcessingOption", Set.of("CLOUD", "STREAM")),
            Map.entry("org/kie/api/conf/KieBaseMutabilityOption", Set.of("ALLOWED", "DISABLED")),
            Map.entry("org/kie/api/runtime/conf/ClockTypeOption", Set.of("get")),
            Map.entry("org/kie/api/conf/SessionsPoolOption", Set.of("get")));

    private static final String ACCUMULATORS = "org/drools/core/base/accumulators/";

    private EngineMembers() {}

    /**
     * A type of the rule model (a pattern, an index, a function interface of the model): engine
     * code may name it (in a signature, a cast, as the interface a lambda class implements); a
     * type alone does nothing, and each member it calls must still be listed.
     */
    static boolean isModelType(String type) {
        return type.startsWith("org/drools/model/") && !type.startsWith("org/drools/model/codegen/")
                || type.startsWith("org/drools/modelcompiler/dsl/");
    }

    /** The members of {@code type} engine code may use beyond the author's, or {@code null} when none are listed. */
    static Set<String> of(String type) {
        if (type.startsWith(ACCUMULATORS)
                && type.indexOf('/', ACCUMULATORS.length()) < 0
                && type.endsWith("AccumulateFunction")) {
            return Set.of("<init>()V");
        }
        return MEMBERS.get(type);
    }
}
