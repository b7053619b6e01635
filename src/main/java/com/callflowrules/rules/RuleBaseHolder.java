package com.callflowrules.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the running {@link RuleBase} for a rules directory. A reload builds a new snapshot off
 * to the side and swaps it in with one reference write, only when it built clean; a refused
 * build leaves the running snapshot deciding and is kept as the last build result until a clean
 * one replaces it. Decisions read the reference once, so each is made by exactly one snapshot.
 * The last good snapshots are kept for rollback.
 */
public final class RuleBaseHolder {

    private static final Logger log = LoggerFactory.getLogger(RuleBaseHolder.class);
    /** How many good versions are kept, the running one included. */
    public static final int KEPT_VERSIONS = 10;

    private final RuleBaseLoader loader;
    private final Path rulesDir;
    private final Clock clock;
    private final AtomicReference<RuleBase> current = new AtomicReference<>();
    private final Deque<RuleBase> history = new ArrayDeque<>();
    private volatile BuildResult lastBuild;
    private final List<ReloadListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Something told of every reload, clean or refused (metrics, for one). */
    @FunctionalInterface
    public interface ReloadListener {
        void reloaded(BuildResult result);
    }

    /** Builds the first snapshot now; throws {@link RuleBaseException} when it is refused. */
    public RuleBaseHolder(RuleBaseLoader loader, Path rulesDir) {
        this(loader, rulesDir, Clock.systemUTC());
    }

    public RuleBaseHolder(RuleBaseLoader loader, Path rulesDir, Clock clock) {
        this(loader, rulesDir, clock, loader.load(rulesDir));
    }

    private RuleBaseHolder(RuleBaseLoader loader, Path rulesDir, Clock clock, RuleBase first) {
        this.loader = loader;
        this.rulesDir = rulesDir;
        this.clock = clock;
        current.set(first);
        history.push(first);
        lastBuild = new BuildResult(clock.instant(), true, first.version(), first.warnings());
    }

    /** A holder of one rule base that never reloads (its reload and validate throw). */
    public static RuleBaseHolder fixed(RuleBase ruleBase) {
        return new RuleBaseHolder(null, null, Clock.systemUTC(), ruleBase);
    }

    public RuleBase current() {
        return current.get();
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /** The last build from disk (clean or refused). */
    public BuildResult lastBuild() {
        return lastBuild;
    }

    /** The good versions kept, the running one first. */
    public synchronized List<RuleBase> versions() {
        return List.copyOf(history);
    }

    public void addListener(ReloadListener listener) {
        listeners.add(listener);
    }

    /** Builds the files on disk now and swaps them in if clean; else throws and keeps the running one. */
    public synchronized RuleBase reload() {
        requireLoader();
        RuleBase next;
        long buildStart = System.nanoTime();
        try {
            next = loader.load(rulesDir);
        } catch (RuleBaseException e) {
            lastBuild = new BuildResult(clock.instant(), false, null, e.messages());
            log.warn(
                    "rule base refused; version {} keeps running: {}", current().version(), e.getMessage());
            listeners.forEach(l -> l.reloaded(lastBuild));
            throw e;
        }
        long built = System.nanoTime();
        if (!next.version().equals(current().version())) {
            history.push(next);
            while (history.size() > KEPT_VERSIONS) {
                history.removeLast();
            }
            current.set(next);
            log.info(
                    "rule base {} built in {} ms, swapped in {} µs",
                    next.version(),
                    (built - buildStart) / 1_000_000,
                    (System.nanoTime() - built) / 1_000);
        }
        lastBuild = new BuildResult(clock.instant(), true, next.version(), next.warnings());
        listeners.forEach(l -> l.reloaded(lastBuild));
        return current();
    }

    /**
     * Builds and checks the rule base in {@code directory} (a rule release's files) with this
     * holder's loader, swapping nothing; {@link RuleBaseException} with every message when refused.
     */
    public RuleBase build(Path directory) {
        requireLoader();
        return loader.load(directory);
    }

    /** Swaps {@code next} in (built by {@link #build}); the reference write is atomic for decisions. */
    public synchronized void run(RuleBase next) {
        if (!next.version().equals(current().version())) {
            history.remove(next);
            history.push(next);
            while (history.size() > KEPT_VERSIONS) {
                history.removeLast();
            }
            current.set(next);
            log.info("rule base {} swapped in", next.version());
        }
        lastBuild = new BuildResult(clock.instant(), true, next.version(), next.warnings());
        listeners.forEach(l -> l.reloaded(lastBuild));
    }

    /** Records a build that was refused with {@code messages}: the running rule base keeps deciding. */
    public void refused(List<RuleMessage> messages) {
        lastBuild = new BuildResult(clock.instant(), false, null, messages);
        listeners.forEach(l -> l.reloaded(lastBuild));
    }

    /** Returns to the previous good version; {@link IllegalStateException} when there is none. */
    public synchronized RuleBase rollback() {
        if (history.size() < 2) {
            throw new IllegalStateException("no previous rule base version to roll back to");
        }
        RuleBase left = history.pop();
        RuleBase previous = history.peek();
        current.set(previous);
        log.info("rolled back from rule base {} to {}", left.version(), previous.version());
        return previous;
    }

    /** Builds the files on disk without swapping: the messages a reload would give. */
    public RuleBase validate() {
        requireLoader();
        return loader.load(rulesDir);
    }

    private void requireLoader() {
        if (loader == null) {
            throw new IllegalStateException(
                    "this rule base holder is fixed to version " + current().version());
        }
    }
}
