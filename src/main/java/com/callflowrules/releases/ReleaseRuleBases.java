package com.callflowrules.releases;

import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseException;
import com.callflowrules.rules.RuleBaseHolder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A rule release as a rule base this node can decide with, for what-ifs against a release that
 * does not run here (a draft beside the published one): built from the store with the running
 * holder's loader on first use, and the last few kept, since a build takes seconds.
 */
@Component
public class ReleaseRuleBases {

    /** Built releases kept besides the running one. */
    static final int KEPT = 4;

    private final Releases releases;
    private final ReleaseRepository store;
    private final RuleBaseHolder ruleBases;
    private final Map<String, RuleBase> built = new LinkedHashMap<>(8, 0.75f, true);

    ReleaseRuleBases(Releases releases, ReleaseRepository store, RuleBaseHolder ruleBases) {
        this.releases = releases;
        this.store = store;
        this.ruleBases = ruleBases;
    }

    /**
     * Release {@code version} as a rule base: the running one when it is that release; 404 for an
     * unknown version, 409 for a refused one (it cannot decide).
     */
    public RuleBase of(String version) {
        RuleBase running = ruleBases.current();
        if (running.version().equals(version)) {
            return running;
        }
        Release release = releases.find(version);
        if (release.state() == ReleaseState.REFUSED) {
            throw new ReleaseConflictException(
                    "release " + version + " was refused by its checks; it cannot decide (see its messages)");
        }
        synchronized (built) {
            RuleBase kept = built.get(version);
            if (kept != null) {
                return kept;
            }
        }
        Path directory = ReleaseFiles.temporary(store.files(version));
        RuleBase ruleBase;
        try {
            ruleBase = ruleBases.build(directory);
        } catch (RuleBaseException e) {
            throw new ReleaseConflictException(
                    "release " + version + " does not build on this node: " + e.getMessage());
        } finally {
            ReleaseFiles.delete(directory);
        }
        synchronized (built) {
            built.put(version, ruleBase);
            while (built.size() > KEPT) {
                built.remove(built.keySet().iterator().next());
            }
        }
        return ruleBase;
    }
}
