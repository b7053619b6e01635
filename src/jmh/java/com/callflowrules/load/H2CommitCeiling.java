package com.callflowrules.load;

import com.callflowrules.store.GroupCommitDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded store's own ceiling, without the service: N threads each insert one small row
 * (a table with one secondary index) and commit, for a fixed time, on a fresh H2 file. Prints
 * commits per second and the file's size, so the service's figures can be read against what H2
 * alone can commit on the same machine. Modes: {@code group} (the service's default: H2's write
 * delay on, each commit waits for a shared write through {@link GroupCommitDataSource}),
 * {@code per-commit} ({@code WRITE_DELAY=0}: H2 writes a chunk for every commit), {@code delayed}
 * (H2's write delay and nothing waiting: not durable, the upper bound).
 *
 * <pre>args: threads seconds [group|per-commit|delayed]</pre>
 */
public final class H2CommitCeiling {

    private H2CommitCeiling() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = Math.min(args.length > 1 ? Integer.parseInt(args[1]) : 10, 300);
        String mode = args.length > 2 ? args[2] : "group";
        Path dir = Files.createTempDirectory("h2-ceiling");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;RETENTION_TIME=5000"
                + switch (mode) {
                    case "group", "delayed" -> "";
                    case "per-commit" -> ";WRITE_DELAY=0";
                    default -> throw new IllegalArgumentException("mode is group, per-commit or delayed, not " + mode);
                });
        DataSource source = mode.equals("group") ? new GroupCommitDataSource(h2) : h2;
        try (Connection c = source.getConnection()) {
            c.createStatement()
                    .execute(
                            "CREATE TABLE t (id VARCHAR(36) PRIMARY KEY, a VARCHAR(36), b VARCHAR(200), s VARCHAR(16))");
            c.createStatement().execute("CREATE INDEX t_a ON t (a)");
        }
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                try (Connection c = source.getConnection()) {
                    c.setAutoCommit(false);
                    PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)");
                    while (System.nanoTime() < end) {
                        String id = UUID.randomUUID().toString();
                        insert.setString(1, id);
                        insert.setString(2, id);
                        insert.setString(3, "x".repeat(150));
                        insert.setString(4, "prompting");
                        insert.executeUpdate();
                        c.commit();
                        commits.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(
                "%d threads, %d s, %s: %d commits/s, file %d MB%n",
                threads, seconds, mode, commits.get() / seconds, Files.size(dir.resolve("db.mv.db")) / 1_000_000);
    }
}
