package com.callflowrules.decision;

import com.callflowrules.rules.DecisionBounds;
import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseCheck;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RuleBaseLoader;
import com.callflowrules.rules.RulesProperties;
import com.callflowrules.rules.RulesWatcher;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine for any Spring Boot application that has this library on its class path (the
 * service is one): the running rule base from {@code callflow.rules.directory} (built at start-up;
 * a refused build stops start-up), reloads when its files change, the {@link DecisionEngine},
 * the {@code rules} health component when Spring Boot's health support is present and the
 * decision metrics when a Micrometer registry is. Nothing of the HTTP API or the store: those
 * belong to the service's own configuration. Every bean backs off when the application defines
 * its own.
 */
@AutoConfiguration
@EnableConfigurationProperties({RulesProperties.class, DecisionProperties.class})
public class DecisionAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DecisionAutoConfiguration.class);

    /**
     * The running rule base. Every candidate (at start-up, on reload, on validate) must pass the
     * allow-list, the arrival probe and every {@link RuleBaseCheck} bean (the service's scenario
     * gate, for one); its decisions are held to the bounds of {@link DecisionProperties}.
     */
    @Bean
    @ConditionalOnMissingBean
    RuleBaseHolder ruleBaseHolder(
            RulesProperties rules,
            DecisionProperties decisions,
            ObjectProvider<Clock> clock,
            ObjectProvider<RuleBaseCheck> checks) {
        RuleBaseLoader loader = DecisionEngine.loader()
                .withChecks(checks.orderedStream().toList())
                .withBounds(new DecisionBounds(
                        decisions.maxRulesFired(),
                        decisions.timeout(),
                        decisions.maxAllocated().toBytes()));
        RuleBaseHolder holder = new RuleBaseHolder(
                loader, rules.directory().toAbsolutePath().normalize(), clock.getIfAvailable(Clock::systemUTC));
        RuleBase ruleBase = holder.current();
        log.info(
                "rule base {} loaded from {}: {} files, call flows {}",
                ruleBase.version(),
                holder.rulesDir(),
                ruleBase.files().size(),
                ruleBase.callFlows().stream().map(f -> f.name()).toList());
        return holder;
    }

    /** Reloads when files under the rules directory change ({@code callflow.rules.watch=false} turns it off). */
    @Bean(destroyMethod = "close")
    // the service has its own watcher, whose reloads become rule releases
    @ConditionalOnMissingBean(value = RulesWatcher.class, type = "com.callflowrules.releases.Releases")
    @ConditionalOnProperty(name = "callflow.rules.watch", havingValue = "true", matchIfMissing = true)
    RulesWatcher rulesWatcher(RuleBaseHolder ruleBases, RulesProperties rules) throws IOException {
        return new RulesWatcher(ruleBases, rules.watchQuietPeriod());
    }

    @Bean
    @ConditionalOnMissingBean
    DecisionEngine decisionEngine(RuleBaseHolder ruleBases, DecisionProperties decisions) {
        return new DecisionEngine(ruleBases, decisions.cacheSize());
    }

    /** The decision metrics, bound to the application's Micrometer registry when it has one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class Metrics {

        @Bean
        MeterBinder decisionMetrics(RuleBaseHolder ruleBases, DecisionEngine engine) {
            return registry -> engine.addObserver(new DecisionMetrics(registry, ruleBases, engine));
        }
    }

    /** The {@code rules} component of the health endpoint: the running version and the last build from disk. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class RulesHealth {

        @Bean
        @ConditionalOnMissingBean(name = "rulesHealthIndicator")
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
                        .withDetail(
                                "last_build_messages",
                                lastBuild.messages().stream()
                                        .map(Object::toString)
                                        .toList())
                        .build();
            };
        }
    }
}
