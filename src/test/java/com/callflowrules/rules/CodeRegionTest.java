package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which generated methods are the author's code and which the engine's scaffolding, by the
 * model's naming (access 4096 is a synthetic method, 4160 a bridge).
 */
class CodeRegionTest {

    private static final String HASH = "0123456789ABCDEF0123456789ABCDEF";

    @ParameterizedTest(name = "{0}.{1}{2} is {4}")
    @CsvSource({
        // the package's model class: its own methods, and DRL functions beside them
        "callflow/Rules" + HASH + ", getRulesList, ()Ljava/util/List;, 0, ENGINE",
        "callflow/Rules" + HASH + ", <clinit>, ()V, 0, ENGINE",
        "callflow/Rules" + HASH + ", shout, (Ljava/lang/String;)Ljava/lang/String;, 0, AUTHOR",
        "callflow/Rules" + HASH + ", getRules, (Ljava/lang/String;)Ljava/util/List;, 0, AUTHOR",
        // rule definitions, and a lambda written inside one
        "callflow/Rules" + HASH + "RuleMethods0, rule_hostile, ()Lorg/drools/model/Rule;, 0, ENGINE",
        "callflow/Rules" + HASH + "RuleMethods0, lambda$rule_hostile$0, ()V, 4096, AUTHOR",
        // a lambda class: the enum plumbing, and the functional method that holds the author's code
        "callflow/P1F/LambdaPredicate" + HASH + ", values, ()V, 0, ENGINE",
        "callflow/P1F/LambdaPredicate" + HASH + ", predicateInformation, ()V, 0, ENGINE",
        "callflow/P1F/LambdaPredicate" + HASH + ", test, (Ljava/lang/Object;)Z, 4160, ENGINE",
        "callflow/P1F/LambdaPredicate" + HASH + ", test, (Lcom/callflowrules/facts/CallArrived;)Z, 1, AUTHOR",
        // metadata and the project model are scaffolding; declared types and unknown shapes the author's
        "callflow/DomainClassesMetadata" + HASH + ", <clinit>, ()V, 0, ENGINE",
        "org/drools/project/model/ProjectModel_x, getKieModuleModel, ()V, 0, ENGINE",
        "callflow/Admission, <init>, ()V, 0, AUTHOR",
        "callflow/Rules" + HASH + "Something, run, ()V, 0, AUTHOR"
    })
    void theRegionFollowsTheModelsNames(String owner, String name, String descriptor, int access, String region) {
        assertThat(CodeRegion.of(owner, access, name, descriptor)).isEqualTo(CodeRegion.valueOf(region));
    }

    @ParameterizedTest
    @CsvSource({"callflow/Admission, AUTHOR", "callflow/P1F/LambdaPredicate" + HASH + ", ENGINE"})
    void aClassAsAWholeIsTheAuthorsUnlessItIsScaffolding(String owner, String region) {
        assertThat(CodeRegion.ofClass(owner)).isEqualTo(CodeRegion.valueOf(region));
    }
}
