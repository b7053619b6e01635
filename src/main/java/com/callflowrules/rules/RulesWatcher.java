package com.callflowrules.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules directory and reloads after a quiet period, so an editor's burst of writes
 * (save, rename, backup file) makes one reload. A refused build is logged and kept as the last
 * build; the running rule base goes on deciding.
 */
public final class RulesWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);

    private final Runnable reload;
    private final Duration quietPeriod;
    private final WatchService watchService;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rules-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pending;

    /** Reloads {@code holder} from its directory after each burst of changes. */
    public RulesWatcher(RuleBaseHolder holder, Duration quietPeriod) throws IOException {
        this(holder.rulesDir(), quietPeriod, holder::reload);
    }

    /**
     * Runs {@code reload} after each burst of changes under {@code directory} (the service makes
     * a rule release of the directory); a {@link RuleBaseException} it throws was reported by it.
     */
    public RulesWatcher(Path directory, Duration quietPeriod, Runnable reload) throws IOException {
        this.reload = reload;
        this.quietPeriod = quietPeriod;
        this.watchService = FileSystems.getDefault().newWatchService();
        registerAll(directory);
        Thread thread = new Thread(this::watch, "rules-watch-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerAll(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                d.register(
                        watchService,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                Path dir = (Path) key.watchable();
                key.pollEvents().forEach(event -> {
                    if (event.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
                        try {
                            registerAll(dir.resolve(name));
                        } catch (IOException e) {
                            log.warn("cannot watch {}", dir.resolve(name), e);
                        }
                    }
                });
                key.reset();
                schedule();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::reload, quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reload() {
        try {
            reload.run();
        } catch (RuleBaseException e) {
            // whoever built it logged it and keeps it as the last build
        } catch (RuntimeException e) {
            log.error("reloading the rule base failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
        watchService.close();
    }
}
