package com.callflowrules.api;

import org.springframework.boot.test.context.SpringBootTest;

/** Concurrent writes on the embedded store. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:concurrent-writes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "callflow.timers.enabled=false",
            "callflow.rules.watch=false"
        })
class H2ConcurrentWritesTest extends ConcurrentWritesContract {}
