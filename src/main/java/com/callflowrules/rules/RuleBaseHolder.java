package com.callflowrules.rules;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the running {@link RuleBase} for a rules directory. A reload builds a new snapshot off
 * to the side and swaps it in with one reference write, only when it built clean; a refused
 * build leaves the running snapshot deciding. Decisions read the reference once, so each one is
 * made by exactly one snapshot.
 */
public final class RuleBaseHolder {

    private final RuleBaseLoader loader;
    private final Path rulesDir;
    private final AtomicReference<RuleBase> current = new AtomicReference<>();

    /** Builds the first snapshot now; throws {@link RuleBaseException} when it is refused. */
    public RuleBaseHolder(RuleBaseLoader loader, Path rulesDir) {
        this.loader = loader;
        this.rulesDir = rulesDir;
        current.set(loader.load(rulesDir));
    }

    public RuleBase current() {
        return current.get();
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /** Builds the files on disk now and swaps them in if clean; else throws and keeps the running one. */
    public synchronized RuleBase reload() {
        RuleBase next = loader.load(rulesDir);
        current.set(next);
        return next;
    }

    /** Builds the files on disk without swapping: the messages a reload would give. */
    public RuleBase validate() {
        return loader.load(rulesDir);
    }
}
