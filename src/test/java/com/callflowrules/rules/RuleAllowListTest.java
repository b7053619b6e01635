package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allow-list by region, each branch of {@link RuleAllowList#refusal}, and what its messages say. */
class RuleAllowListTest {

    @Test
    void productTypesAndPrimitivesAreAllowedEverywhere() {
        for (CodeRegion region : CodeRegion.values()) {
            assertThat(RuleAllowList.refusal(region, "com/callflowrules/facts/Verdict", "of", null))
                    .isNull();
            assertThat(RuleAllowList.refusal(region, "[I", null, null)).isNull();
            assertThat(RuleAllowList.refusal(region, "[Lcom/callflowrules/facts/Action;", null, null))
                    .isNull();
        }
    }

    @Test
    void theAuthorsListIsPerMemberAndPerOverload() {
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, "java/lang/String", "concat", null))
                .isNull();
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, "java/lang/String", "repeat", null))
                .isEqualTo("it is not on the allow-list");
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, "java/lang/StringBuilder", "<init>", "()V"))
                .isNull();
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, "java/lang/StringBuilder", "<init>", "(I)V"))
                .isEqualTo("it is not on the allow-list");
        // String.join(CharSequence, Iterable) names java.lang.Iterable
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, "java/lang/Iterable", null, null))
                .isNull();
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, "java/util/Locale", "ROOT", null))
                .isNull();
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, "java/util/Locale", "setDefault", null))
                .isEqualTo("it is not on the allow-list");
    }

    @Test
    void theEnginesListIsOutOfTheAuthorsReach() {
        String rule = "org/drools/modelcompiler/dsl/pattern/D";
        assertThat(RuleAllowList.refusal(CodeRegion.ENGINE, rule, "rule", null)).isNull();
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, rule, "rule", null))
                .contains("the engine's scaffolding, not for rule code");
        assertThat(RuleAllowList.refusal(CodeRegion.ENGINE, "org/drools/model/functions/Predicate1", null, null))
                .isNull();
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, "org/drools/model/functions/Predicate1", null, null))
                .isNotNull();
        assertThat(RuleAllowList.refusal(
                        CodeRegion.ENGINE,
                        "org/drools/core/base/accumulators/CountAccumulateFunction",
                        "<init>",
                        "()V"))
                .isNull();
    }

    @Test
    void anOverloadThatNamesAClassIsRefusedWhereItsSiblingIsNot() {
        String dsl = "org/drools/modelcompiler/dsl/pattern/D";
        assertThat(RuleAllowList.refusal(
                        CodeRegion.ENGINE,
                        dsl,
                        "accFunction",
                        "(Ljava/util/function/Supplier;Lorg/drools/model/Argument;)"
                                + "Lorg/drools/model/functions/accumulate/AccumulateFunction;"))
                .isNull();
        assertThat(RuleAllowList.refusal(
                        CodeRegion.ENGINE,
                        dsl,
                        "accFunction",
                        "(Ljava/lang/Class;)Lorg/drools/model/functions/accumulate/AccumulateFunction;"))
                .isEqualTo("rules may not reach a class named by the rule");
    }

    @ParameterizedTest
    @CsvSource({
        "java/lang/Runtime, exec, the system",
        "java/lang/System, getenv, the system",
        "java/lang/ProcessBuilder, start, processes",
        "java/lang/Thread, sleep, threads",
        "java/util/concurrent/Executors, newSingleThreadExecutor, threads",
        "java/util/concurrent/ThreadLocalRandom, current, randomness",
        "java/lang/Object, wait, threads",
        "java/lang/Object, getClass, reflection",
        "java/lang/Class, forName, reflection",
        "java/lang/ClassLoader, loadClass, class loading",
        "java/lang/reflect/Method, invoke, reflection",
        "sun/misc/Unsafe, getUnsafe, the JVM's memory (Unsafe)",
        "java/nio/file/Files, readString, files",
        "java/io/File, mkdirs, files",
        "java/net/Socket, <init>, the network",
        "javax/naming/InitialContext, lookup, JNDI",
        "java/lang/management/ManagementFactory, getRuntimeMXBean, JMX",
        "java/util/Random, nextInt, randomness",
        "java/time/Instant, now, the clock",
        "javax/script/ScriptEngineManager, <init>, scripting",
        "org/drools/modelcompiler/util/ClassUtil, javaSourceNameToClass, class loading (ClassUtil)",
        "org/drools/modelcompiler/util/TypeDeclarationUtil$DynamicClassDefinition, get, reflection",
        "org/drools/model/codegen/execmodel/generator/query/QueryGenerator, main, the rule compiler",
        "org/drools/model/Drools, getKieRuntime, the rule runtime",
        "org/drools/modelcompiler/dsl/pattern/D, globalOf, globals",
        "org/drools/modelcompiler/dsl/pattern/D, window, sliding windows",
        "org/drools/modelcompiler/dsl/pattern/D, entryPoint, entry points",
        "org/drools/modelcompiler/dsl/pattern/D, query, queries",
        "org/drools/modelcompiler/dsl/pattern/D, executeScript, scripting",
        "org/drools/model/Rule$Attribute, TIMER, timers",
        "org/drools/model/Rule$Attribute, CALENDARS, calendars",
        "org/drools/model/Rule$Attribute, DURATION, durations",
        "org/drools/model/Rule$Attribute, DATE_EFFECTIVE, effective dates",
        "org/drools/model/Rule$Attribute, DATE_EXPIRES, expiry dates",
        "org/drools/model/operators/MatchesOperator, INSTANCE, a regular expression that is not a constant",
        "org/springframework/core/env/StandardEnvironment, getProperty, the service's own code",
        "com/callflowrules/rules/RuleBudget, tick, the service's own code"
    })
    void aRefusalSaysWhatItWouldReach(String owner, String member, String reaches) {
        for (CodeRegion region : CodeRegion.values()) {
            assertThat(RuleAllowList.refusal(region, owner, member, null))
                    .as("%s in %s", owner, region)
                    .startsWith("rules may not reach " + reaches);
        }
    }

    @Test
    void aTypeNamedNowhereIsRefusedPlainly() {
        assertThat(RuleAllowList.refusal(CodeRegion.AUTHOR, "java/util/BitSet", null, null))
                .isEqualTo("it is not on the allow-list");
    }
}
