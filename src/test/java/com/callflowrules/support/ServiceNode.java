package com.callflowrules.support;

import com.callflowrules.CallflowRulesApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the whole service in this JVM, on a real PostgreSQL and a port of its own, as an
 * operator would start several behind one load balancer. Its settings are given as command-line
 * arguments, which win over {@code callflow-service.yaml} (Spring Boot's default properties would
 * not: the service's own file sets most of them).
 */
public final class ServiceNode {

    private ServiceNode() {}

    /** Starts a node on {@code postgresUrl} with timers off and {@code settings} ({@code key=value}). */
    public static ConfigurableApplicationContext start(String postgresUrl, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + postgresUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--callflow.timers.enabled=false"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new SpringApplicationBuilder(CallflowRulesApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    /** The JSON API of {@code node}, as the admin user. */
    public static ApiClient api(ConfigurableApplicationContext node) {
        return new ApiClient(port(node));
    }
}
