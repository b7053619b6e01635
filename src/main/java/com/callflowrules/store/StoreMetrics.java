package com.callflowrules.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Gauges of the store, read when a metric is read (never on the request path):
 * {@code callflow.store.size} (bytes of the H2 file, or of the PostgreSQL database) and
 * {@code callflow.store.rows} by {@code table}, so a soak can show that the hot tables follow
 * live calls and retention holds the history flat.
 */
@Component
class StoreMetrics {

    private static final List<String> TABLES = List.of("calls", "meetings", "call_history", "decision_audit");

    StoreMetrics(MeterRegistry registry, JdbcClient jdbc, DataSource dataSource) {
        String sizeQuery = isPostgres(dataSource)
                ? "SELECT pg_database_size(current_database())"
                : "SELECT CAST(setting_value AS BIGINT) FROM information_schema.settings WHERE setting_name = 'info.FILE_SIZE'";
        Gauge.builder(
                        "callflow.store.size",
                        () -> jdbc.sql(sizeQuery).query(Long.class).optional().orElse(0L))
                .description("bytes the store takes on disk")
                .baseUnit("bytes")
                .register(registry);
        for (String table : TABLES) {
            // table names are constants of this class, never input
            Gauge.builder(
                            "callflow.store.rows",
                            () -> jdbc.sql("SELECT COUNT(*) FROM " + table)
                                    .query(Long.class)
                                    .single())
                    .tag("table", table)
                    .description("rows in a table of live state or history")
                    .register(registry);
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product =
                    JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
            return product != null && product.toLowerCase().contains("postgres");
        } catch (Exception e) {
            return false;
        }
    }
}
