package com.callflowrules.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The running rule base of the service, built from disk at start-up; a refused build stops start-up. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

    @Bean
    RuleBaseHolder ruleBaseHolder(RulesProperties properties) {
        RuleBaseHolder holder = new RuleBaseHolder(new RuleBaseLoader(), properties.directory().toAbsolutePath().normalize());
        RuleBase ruleBase = holder.current();
        log.info("rule base {} loaded from {}: {} files, call flows {}", ruleBase.version(), holder.rulesDir(),
                ruleBase.files().size(), ruleBase.callFlows().stream().map(f -> f.name()).toList());
        return holder;
    }
}
