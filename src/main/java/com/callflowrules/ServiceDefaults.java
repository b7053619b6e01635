package com.callflowrules;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The service's embedded defaults, {@code callflow-service.yaml}, below every configuration source
 * of the application (its own {@code application.*} files, the environment, the command line).
 * They are not an {@code application.yaml} because the same jar is a library: an application
 * that embeds the engine must not get the service's database, users or ports. Applied only when
 * {@link CallflowRulesApplication} is what runs (its {@code main}, a test of the service).
 */
class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "callflow-service.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!application.getAllSources().contains(CallflowRulesApplication.class)) {
            return;
        }
        try {
            new YamlPropertySourceLoader()
                    .load("service defaults (" + RESOURCE + ")", new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service defaults " + RESOURCE, e);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
