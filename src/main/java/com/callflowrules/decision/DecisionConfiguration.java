package com.callflowrules.decision;

import com.callflowrules.rules.RuleBaseHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the {@link DecisionEngine} over the service's running rule base. */
@Configuration(proxyBeanMethods = false)
class DecisionConfiguration {

    @Bean
    DecisionEngine decisionEngine(RuleBaseHolder ruleBases) {
        return new DecisionEngine(ruleBases);
    }
}
