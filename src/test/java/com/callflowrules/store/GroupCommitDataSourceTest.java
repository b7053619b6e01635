package com.callflowrules.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durability on a real embedded H2 file: after {@code SHUTDOWN IMMEDIATELY} (H2's simulated power
 * cut: the files are closed, nothing pending is written), what the wrapped data source
 * acknowledged is there and what the bare pool wrote under H2's write delay is not.
 */
class GroupCommitDataSourceTest {

    // A write delay longer than any test: H2's own background writer never saves anything here;
    // the database stays open between connections, as under a pool (closing it would write all).
    private static final String SETTINGS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;WRITE_DELAY=600000";

    @TempDir
    Path dir;

    @Test
    void whatItAcknowledgedSurvivesAPowerCutAndWhatTheBarePoolWroteDoesNot() throws Exception {
        JdbcDataSource bare = h2(SETTINGS);
        GroupCommitDataSource durable = new GroupCommitDataSource(bare);
        JdbcClient jdbc = JdbcClient.create(durable);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(durable));

        jdbc.sql("CREATE TABLE t (name VARCHAR(10) PRIMARY KEY)").update();
        jdbc.sql("INSERT INTO t VALUES ('auto')").update();
        transactions.executeWithoutResult(
                status -> jdbc.sql("INSERT INTO t VALUES ('tx')").update());
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO t VALUES ('undone')").update();
            status.setRollbackOnly();
        });
        JdbcClient.create(bare).sql("INSERT INTO t VALUES ('bare')").update();
        assertThat(durable.groupCommit()).isPresent();

        powerCut(bare);

        assertThat(JdbcClient.create(h2(SETTINGS))
                        .sql("SELECT name FROM t ORDER BY name")
                        .query(String.class)
                        .list())
                .containsExactly("auto", "tx");
    }

    @Test
    void concurrentCommitsAreAllDurableInFewerWrites() throws Exception {
        JdbcDataSource bare = h2(SETTINGS);
        GroupCommitDataSource durable = new GroupCommitDataSource(bare);
        JdbcClient jdbc = JdbcClient.create(durable);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(durable));
        jdbc.sql("CREATE TABLE t (id INT PRIMARY KEY)").update();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    int id = thread * 1000 + i;
                    transactions.executeWithoutResult(status ->
                            jdbc.sql("INSERT INTO t VALUES (?)").param(id).update());
                }
            }));
        }
        for (Future<?> thread : done) {
            thread.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        GroupCommit group = durable.groupCommit().orElseThrow();
        assertThat(group.commits()).isEqualTo(801);
        // eight threads committing at once: some writes of the store settle more than one commit
        assertThat(group.writes()).isPositive().isLessThan(group.commits());

        powerCut(bare);

        assertThat(JdbcClient.create(h2(SETTINGS))
                        .sql("SELECT COUNT(*) FROM t")
                        .query(Long.class)
                        .single())
                .isEqualTo(800);
    }

    @Test
    void handsOutThePoolsConnectionsWhereH2WritesEveryCommitOrNothingIsOnFile() throws Exception {
        for (JdbcDataSource pool : List.of(h2(SETTINGS.replace("WRITE_DELAY=600000", "WRITE_DELAY=0")), memory())) {
            GroupCommitDataSource source = new GroupCommitDataSource(pool);
            try (Connection connection = source.getConnection()) {
                assertThat(Proxy.isProxyClass(connection.getClass()))
                        .as(pool.getURL())
                        .isFalse();
            }
            assertThat(source.groupCommit()).as(pool.getURL()).isEmpty();
            powerCut(pool);
        }
    }

    private JdbcDataSource h2(String settings) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + dir.resolve("db") + settings);
        source.setUser("sa");
        return source;
    }

    private static JdbcDataSource memory() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:group-commit-test");
        source.setUser("sa");
        return source;
    }

    private static void powerCut(JdbcDataSource source) throws Exception {
        try (Connection connection = source.getConnection()) {
            connection.createStatement().execute("SHUTDOWN IMMEDIATELY");
        }
    }
}
