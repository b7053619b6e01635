package com.callflowrules.api.configuration;

import com.callflowrules.support.Databases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Concurrent writes on a real PostgreSQL. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "callflow.timers.enabled=false", "callflow.rules.watch=false",
            "spring.datasource.username=postgres", "spring.datasource.password=postgres"
        })
class PostgresConcurrentWritesTest extends ConcurrentWritesContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", Databases::postgresUrl);
    }
}
