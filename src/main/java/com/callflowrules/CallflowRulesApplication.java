package com.callflowrules;

import com.callflowrules.cli.Commands;
import java.time.Clock;
import org.slf4j.LoggerFactory;
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

    /** Starts the service; {@code scenarios ...} or {@code releases ...} runs that command line instead. */
    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            // Drools and Flyway log at INFO; a command line shows only its own output.
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            System.exit(Commands.run(args, System.getenv(), System.out, System.err));
        }
        SpringApplication.run(CallflowRulesApplication.class, args);
    }
}
