package com.callflowrules;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The callflow-rules service: the decision engine behind the Conference v2 HTTP API. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class CallflowRulesApplication {

    /** The time source of every store write and timer; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(CallflowRulesApplication.class, args);
    }
}
