package com.callflowrules.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link GroupCommitDataSource} in front of the service's data source, and counts its
 * commits and writes ({@code callflow.store.durable.commits}, {@code callflow.store.durable.writes}:
 * their ratio is how many commits one write of the store settles).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MVStore.class)
class StoreConfiguration {

    @Bean
    static BeanPostProcessor groupCommitDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof GroupCommitDataSource)
                        ? new GroupCommitDataSource(pool)
                        : bean;
            }
        };
    }

    @Bean
    MeterBinder groupCommitMeters(DataSource dataSource) {
        return registry -> {
            if (dataSource instanceof GroupCommitDataSource durable) {
                FunctionCounter.builder(
                                "callflow.store.durable.commits",
                                durable,
                                source -> source.groupCommit()
                                        .map(GroupCommit::commits)
                                        .orElse(0L))
                        .description("commits made durable by group commit")
                        .register(registry);
                FunctionCounter.builder(
                                "callflow.store.durable.writes",
                                durable,
                                source -> source.groupCommit()
                                        .map(GroupCommit::writes)
                                        .orElse(0L))
                        .description("writes of the embedded store that made commits durable")
                        .register(registry);
            }
        };
    }
}
