package com.callflowrules.support;

import com.callflowrules.store.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Real databases for tests, migrated with the application's own Flyway migrations: in-memory H2
 * in PostgreSQL mode (as the embedded default runs), and a real PostgreSQL started once per test
 * JVM from Maven Central binaries. Nothing needs to run before the build.
 */
public final class Databases {

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {}

    /** A fresh, migrated in-memory H2 database. */
    public static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:test" + H2_DATABASES.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return migrated(dataSource);
    }

    /** The JDBC URL of the shared PostgreSQL (user and password {@code postgres}), emptied and migrated anew. */
    public static synchronized String postgresUrl() {
        postgres();
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * The JDBC URL of a database of its own on the shared PostgreSQL, created empty (dropped first
     * if an earlier run left it): for tests whose services migrate and fill it themselves, beside
     * others that clean the shared one.
     */
    public static synchronized String postgresUrl(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        started();
        org.springframework.jdbc.core.simple.JdbcClient admin =
                org.springframework.jdbc.core.simple.JdbcClient.create(postgres.getPostgresDatabase());
        admin.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
        admin.sql("CREATE DATABASE " + database).update();
        return postgres.getJdbcUrl("postgres", database);
    }

    /** The shared PostgreSQL, emptied and migrated anew. */
    public static synchronized DataSource postgres() {
        started();
        DataSource dataSource = postgres.getPostgresDatabase();
        Migrations.flyway(dataSource).cleanDisabled(false).load().clean();
        return migrated(dataSource);
    }

    private static void started() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
        }
    }

    private static DataSource migrated(DataSource dataSource) {
        Migrations.flyway(dataSource).load().migrate();
        return dataSource;
    }
}
