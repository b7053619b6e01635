package com.callflowrules.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The service's schema: Flyway's SQL migrations under {@code db/callflow} (H2 and PostgreSQL
 * alike) and its Java ones in {@code com.callflowrules.store.migration}, locations of their own so
 * that an application embedding the engine, with migrations of its own in Flyway's default
 * {@code db/migration}, never runs these by accident.
 */
public final class Migrations {

    /** Where the migrations are; {@code spring.flyway.locations} of the service. */
    public static final String[] LOCATIONS = {"classpath:db/callflow", "classpath:com/callflowrules/store/migration"};

    private Migrations() {}

    /** Flyway over {@code dataSource} with the service's migrations. */
    public static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATIONS);
    }
}
