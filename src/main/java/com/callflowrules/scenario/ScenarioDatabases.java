package com.callflowrules.scenario;

import com.callflowrules.store.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new in-memory database for each scenario run, holding what the service's migrations make.
 * Flyway migrates the first one of the process; every later one runs the script H2 writes of
 * that one ({@code SCRIPT}: the schema and the rows the migrations insert), which costs a small
 * part of a migration: a suite of scenarios was mostly Flyway starting over.
 */
final class ScenarioDatabases {

    private static final AtomicLong DATABASES = new AtomicLong();
    private static List<String> migrated;

    private ScenarioDatabases() {}

    /** A database of its own, as the migrations leave it. */
    static DataSource fresh() {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:scenario-" + DATABASES.incrementAndGet()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : script(dataSource, statement)) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a scenario database: " + e.getMessage(), e);
        }
        return dataSource;
    }

    /** What a new database runs; empty for the first, which Flyway migrates and H2 then scripts. */
    private static synchronized List<String> script(DataSource dataSource, Statement statement) throws SQLException {
        if (migrated != null) {
            return migrated;
        }
        Migrations.flyway(dataSource).load().migrate();
        List<String> script = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SCRIPT")) {
            while (rows.next()) {
                script.add(rows.getString(1));
            }
        }
        migrated = List.copyOf(script);
        return List.of();
    }

    /** Drops the database: it lives as long as the process otherwise ({@code DB_CLOSE_DELAY=-1}). */
    static void drop(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // the in-memory database is gone either way
        }
    }
}
