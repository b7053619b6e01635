package com.callflowrules.decision;

import com.callflowrules.rules.DecisionBounds;
import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseCheck;
import com.callflowrules.rules.RuleBaseLoader;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RulesProperties;
import com.callflowrules.rules.RulesWatcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's running rule base (built at start-up; a refused build stops start-up) and its engine. */
@Configuration(proxyBeanMethods = false)
class DecisionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DecisionConfiguration.class);

    /**
     * The running rule base. Every candidate (at start-up, on reload, on validate) must pass the
     * allow-list, the arrival probe and every {@link RuleBaseCheck} bean (the scenario gate, for
     * one); its decisions are held to {@code callflow.decisions.max-rules-fired} firings and
     * {@code callflow.decisions.timeout}.
     */
    @Bean
    RuleBaseHolder ruleBaseHolder(RulesProperties properties, Clock clock, ObjectProvider<RuleBaseCheck> checks,
            @Value("${callflow.decisions.max-rules-fired:10000}") int maxRulesFired,
            @Value("${callflow.decisions.timeout:1s}") Duration timeout) {
        RuleBaseLoader loader = DecisionEngine.loader()
                .withChecks(checks.orderedStream().toList())
                .withBounds(new DecisionBounds(maxRulesFired, timeout));
        RuleBaseHolder holder = new RuleBaseHolder(loader, properties.directory().toAbsolutePath().normalize(), clock);
        RuleBase ruleBase = holder.current();
        log.info("rule base {} loaded from {}: {} files, call flows {}", ruleBase.version(), holder.rulesDir(),
                ruleBase.files().size(), ruleBase.callFlows().stream().map(f -> f.name()).toList());
        return holder;
    }

    /** Reloads when files under the rules directory change ({@code callflow.rules.watch=false} turns it off). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "callflow.rules.watch", havingValue = "true", matchIfMissing = true)
    RulesWatcher rulesWatcher(RuleBaseHolder ruleBases,
            @Value("${callflow.rules.watch-quiet-period:500ms}") Duration quietPeriod) throws IOException {
        return new RulesWatcher(ruleBases, quietPeriod);
    }

    @Bean
    DecisionEngine decisionEngine(RuleBaseHolder ruleBases, ObjectProvider<MeterRegistry> registry,
            @Value("${callflow.decisions.cache-size:" + DecisionEngine.DEFAULT_CACHE_SIZE + "}") long cacheSize) {
        DecisionEngine engine = new DecisionEngine(ruleBases, cacheSize);
        registry.ifAvailable(r -> engine.addObserver(new DecisionMetrics(r, ruleBases, engine)));
        return engine;
    }

    /** The rules component of {@code /actuator/health}: the running version and the last build from disk. */
    @Bean
    HealthIndicator rulesHealthIndicator(RuleBaseHolder ruleBases) {
        return () -> {
            RuleBase running = ruleBases.current();
            var lastBuild = ruleBases.lastBuild();
            // A refused build is not an outage: the running version keeps deciding.
            return Health.up()
                    .withDetail("version", running.version())
                    .withDetail("loaded_at", running.loadedAt().toString())
                    .withDetail("call_flows", running.callFlows().size())
                    .withDetail("last_build_clean", lastBuild.clean())
                    .withDetail("last_build_at", lastBuild.at().toString())
                    .withDetail("last_build_messages", lastBuild.messages().stream().map(Object::toString).toList())
                    .build();
        };
    }
}
