package com.callflowrules.scenario;

import com.callflowrules.rules.RuleBaseCheck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scenario gate of the service: a candidate rule base is swapped in only when every scenario
 * under {@code scenarios/} of the directory it was built from (the rules directory, or a
 * release's files) passes against it. On by default;
 * {@code callflow.rules.scenario-gate=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
class ScenarioConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "callflow.rules.scenario-gate", matchIfMissing = true)
    RuleBaseCheck scenarioGate() {
        return new ScenarioGate();
    }
}
