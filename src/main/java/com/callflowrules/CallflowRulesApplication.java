package com.callflowrules;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The callflow-rules service: the decision engine behind the Conference v2 HTTP API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CallflowRulesApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallflowRulesApplication.class, args);
    }
}
