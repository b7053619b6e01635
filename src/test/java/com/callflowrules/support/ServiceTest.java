package com.callflowrules.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole service over real HTTP, in the one application context the suite's
 * full-stack tests share (Spring caches it per JVM, so it starts once per fork): the shipped
 * rules, an in-memory H2 database, timers fired by the test through a {@link
 * ServiceTestDoubles#testClock() test clock}, and stand-ins for the call platforms' REST APIs. Tests
 * in it keep to their own accounts and numbers, since the database is shared; a test that needs
 * other rules or another database declares its own {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:service-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "callflow.timers.enabled=false",
            "callflow.rules.watch=false",
            "callflow.webhooks.twilio-auth-token=" + ServiceTestDoubles.TWILIO_AUTH_TOKEN,
            "callflow.webhooks.jambonz-account-sid=" + ServiceTestDoubles.JAMBONZ_ACCOUNT,
            "callflow.webhooks.jambonz-api-key=" + ServiceTestDoubles.JAMBONZ_API_KEY
        })
@Import(ServiceTestDoubles.class)
@ContextConfiguration(initializers = ServiceTestDoubles.Initializer.class)
public @interface ServiceTest {}
