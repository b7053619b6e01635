package com.callflowrules.releases;

import com.callflowrules.rules.RuleBaseException;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RulesProperties;
import com.callflowrules.rules.RulesWatcher;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Releases in the service: the first start publishes the rules directory, a node joins on the
 * published release before it takes requests and follows every publish, the {@code releases}
 * health component, and the development watcher whose reloads become releases.
 */
@Configuration(proxyBeanMethods = false)
class ReleaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReleaseConfiguration.class);

    /** Before the web server takes requests: publish the directory into an empty store, then run the published release. */
    @Bean
    SmartInitializingSingleton joinPublishedRelease(
            Releases releases, ReleaseFollower follower, RuleBaseHolder ruleBases) {
        return () -> {
            releases.publishFirst(ruleBases.rulesDir())
                    .ifPresent(first ->
                            log.info("rules directory published as the first rule release {}", first.version()));
            follower.follow();
        };
    }

    @Bean
    ReleasePoll releasePoll(ReleaseFollower follower) {
        return new ReleasePoll(follower);
    }

    /** Polls the publication off the request threads. */
    static final class ReleasePoll {
        private final ReleaseFollower follower;

        ReleasePoll(ReleaseFollower follower) {
            this.follower = follower;
        }

        @Scheduled(
                fixedDelayString = "${callflow.rules.poll-interval:1s}",
                initialDelayString = "${callflow.rules.poll-interval:1s}")
        void poll() {
            try {
                follower.follow();
            } catch (RuntimeException e) {
                // a store that is briefly away: the node keeps its rule base and polls again
                log.warn("cannot read the published rule release: {}", e.getMessage());
            }
        }
    }

    /**
     * The development watcher: a change under the rules directory becomes a release and is
     * published (checked first, like any other). On by default with the embedded H2 store, off
     * with PostgreSQL, where several nodes share the releases; {@code callflow.rules.watch} decides.
     */
    @Bean(destroyMethod = "close")
    @Conditional(DevelopmentWatch.class)
    RulesWatcher releaseWatcher(
            RuleBaseHolder ruleBases, RulesProperties rules, Releases releases, ReleaseFollower follower)
            throws IOException {
        return new RulesWatcher(ruleBases.rulesDir(), rules.watchQuietPeriod(), () -> {
            try {
                releases.publishDirectory(
                        "rules-watcher", "a change under " + ruleBases.rulesDir(), ruleBases.rulesDir());
                follower.follow();
            } catch (RuleBaseException e) {
                ruleBases.refused(e.messages());
                log.warn("rules directory refused; the running release keeps deciding: {}", e.getMessage());
            } catch (ReleaseForbiddenException e) {
                log.warn("rules directory checked but not published: {}", e.getMessage());
            }
        });
    }

    /** {@code callflow.rules.watch} when set; else on unless the store is PostgreSQL. */
    static final class DevelopmentWatch implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String watch = context.getEnvironment().getProperty("callflow.rules.watch");
            if (watch != null) {
                return Boolean.parseBoolean(watch.trim());
            }
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            return !url.startsWith("jdbc:postgresql:");
        }
    }

    /**
     * The {@code releases} health component: the published release and the one this node runs. A
     * node that could not build the published release stays up on its last good one, and says so.
     */
    @Bean
    HealthIndicator releasesHealthIndicator(Releases releases, ReleaseFollower follower, RuleBaseHolder ruleBases) {
        return () -> {
            String running = ruleBases.current().version();
            Health.Builder health = Health.up()
                    .withDetail("node", follower.nodeId())
                    .withDetail("published", releases.published().orElse("none"))
                    .withDetail("running", running)
                    .withDetail(
                            "runs_published",
                            releases.published().map(running::equals).orElse(true));
            if (follower.failedVersion() != null) {
                health.withDetail("failed_version", follower.failedVersion()).withDetail("failure", follower.failure());
            }
            return health.build();
        };
    }

    /** How long a node may stay silent and still be listed as live. */
    static Duration liveWithin(ReleaseProperties settings) {
        return settings.pollInterval().multipliedBy(5).plusSeconds(5);
    }
}
