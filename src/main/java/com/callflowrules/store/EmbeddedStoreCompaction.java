package com.callflowrules.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 file while the service runs. Every write of the store adds a chunk
 * (about 25 KB on this kind of machine) and space is reused only once half-empty chunks are
 * rewritten. This was added when the URL had {@code WRITE_DELAY=0}, which stops H2's background
 * writer (the one that rewrites them); with group commit that writer runs again, and this pass
 * is kept on top of it, off the request threads: every {@code callflow.store.compaction-interval}
 * (1 s), when live data fills less than half the file, live pages of chunks less than 80% full
 * are moved, at most 16 MB a run, and the chunks freed are reused once H2's retention time has
 * passed. Gated by the fill rate, not only the clock: a pass every second whatever the fill cost
 * about a fifth of an arrival's CPU and kept an idle service at 7% of a core (docs/benchmarks.md).
 * Does nothing on any other database.
 */
@Component
@ConditionalOnClass(MVStore.class)
class EmbeddedStoreCompaction implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);
    private static final int TARGET_FILL_RATE = 80;
    // below this share of live data in the file a pass runs; above it the file is compact enough
    private static final int START_BELOW_FILL_RATE = 50;
    private static final int MAX_BYTES_PER_RUN = 16 << 20;

    private final DataSource dataSource;
    private volatile MVStore store;
    private volatile boolean notEmbeddedH2;

    private final StoreProperties properties;

    EmbeddedStoreCompaction(DataSource dataSource, StoreProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration every = properties.compactionInterval();
        registrar.addFixedDelayTask(new FixedDelayTask(this::compact, every, every));
    }

    void compact() {
        MVStore mv = store();
        if (mv == null || mv.isClosed()) {
            return;
        }
        if (mv.getFillRate() >= START_BELOW_FILL_RATE) {
            return;
        }
        try {
            mv.compact(TARGET_FILL_RATE, MAX_BYTES_PER_RUN);
        } catch (RuntimeException e) {
            log.warn("compacting the embedded store failed; it is tried again next interval: {}", e.getMessage());
        }
    }

    private MVStore store() {
        if (store != null || notEmbeddedH2) {
            return store;
        }
        try (Connection connection = dataSource.getConnection()) {
            store = EmbeddedStore.of(connection).orElse(null);
            notEmbeddedH2 = store == null;
            return store;
        } catch (SQLException e) {
            return null;
        }
    }
}
