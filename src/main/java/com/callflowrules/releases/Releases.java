package com.callflowrules.releases;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a rule release: made as a draft from a base release and changed files, checked at
 * once (checked or refused), approved, published (the one every node runs, the one before it
 * retired), published again to roll back. Every step is a transaction that locks what it
 * changes and records who took it from which state; a step the state does not allow is
 * {@link ReleaseConflictException}, one the actor may not take {@link ReleaseForbiddenException}.
 */
@Service
public class Releases {

    private static final Logger log = LoggerFactory.getLogger(Releases.class);
    /** The actor of the steps the service takes itself (the first release, the checks). */
    public static final String SERVICE = "callflow-rules";

    private final ReleaseRepository store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReleaseProperties settings;
    private final ReleaseDrafts drafts;

    Releases(
            ReleaseRepository store,
            ReleaseCheck check,
            TransactionTemplate transactions,
            Clock clock,
            ReleaseProperties settings) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.drafts = new ReleaseDrafts(store, check, transactions, clock);
    }

    /** A draft's content: the base it changes, and per path the new content or null to delete it. */
    public record Draft(@Nullable String base, String message, Map<String, @Nullable String> changes) {}

    /** A release made, and whether it existed already (the same content made twice is one release). */
    public record Made(Release release, boolean existed) {}

    /**
     * Makes a draft from {@code draft.base()} (none: from nothing) with the changes applied, and
     * checks it: it is stored as {@code checked} or {@code refused} with its messages.
     */
    public Made draft(String author, Draft draft) {
        return drafts.draft(author, draft);
    }

    /** Makes a draft of the rule base files in {@code directory}, from nothing. */
    public Made importDirectory(String author, String message, Path directory) {
        return drafts.importDirectory(author, message, directory);
    }

    /** Approves a checked release; four-eyes: not by its author. */
    public Release approve(String version, String actor) {
        return transactions.execute(status -> {
            Release release = store.lock(version).orElseThrow(() -> unknown(version));
            if (release.state() != ReleaseState.CHECKED) {
                throw new ReleaseConflictException("release " + version + " is "
                        + release.state().spelling() + ": only a checked release can be approved");
            }
            fourEyes(release, actor, "approved");
            return moved(release, ReleaseState.APPROVED, actor, null);
        });
    }

    /**
     * Publishes an approved release, or a retired one again (a rollback): it becomes the one every
     * node runs and the one published before it is retired. With {@code replaces} given, the
     * publish happens only if that is still the published release (two racing: one wins).
     */
    public Release publish(String version, String actor, @Nullable String replaces) {
        return publish(version, actor, replaces, false);
    }

    private Release publish(String version, String actor, @Nullable String replaces, boolean rollback) {
        return transactions.execute(status -> {
            Optional<ReleaseRepository.Publication> before = store.lockPublication();
            String published =
                    before.map(ReleaseRepository.Publication::version).orElse(null);
            if (replaces != null && !replaces.equals(published)) {
                throw new ReleaseConflictException("release " + (published == null ? "none" : published)
                        + " is published, not " + replaces + ": nothing was changed");
            }
            Release release = store.lock(version).orElseThrow(() -> unknown(version));
            if (release.state() == ReleaseState.PUBLISHED) {
                throw new ReleaseConflictException("release " + version + " is already published");
            }
            if (release.state() != ReleaseState.APPROVED && release.state() != ReleaseState.RETIRED) {
                throw new ReleaseConflictException(
                        "release " + version + " is " + release.state().spelling()
                                + ": only an approved release (or a retired one, to roll back) can be published");
            }
            fourEyes(release, actor, "published");
            if (published != null) {
                store.lock(published)
                        .ifPresent(old -> moved(old, ReleaseState.RETIRED, actor, "replaced by " + version));
            }
            store.publish(version, before, clock.instant());
            log.info("rule release {} published by {} (was {})", version, actor, published);
            String note = published == null ? null : (rollback ? ReleaseStep.ROLLBACK_FROM : "replaces ") + published;
            return moved(release, ReleaseState.PUBLISHED, actor, note);
        });
    }

    /**
     * Publishes again the release the current one replaced; rolling back again goes further back.
     * 409 when nothing was published before.
     */
    public Release rollback(String actor) {
        java.util.Deque<String> published = ReleaseStep.publishedStack(store.publishSteps());
        if (published.size() < 2) {
            throw new ReleaseConflictException("no earlier published release to roll back to");
        }
        String current = published.pop();
        return publish(published.peek(), actor, current, true);
    }

    /**
     * On the first start with an empty store: the rules directory becomes the first published
     * release, so a fresh service runs its files. Nothing when a release is published already.
     */
    public Optional<Release> publishFirst(Path directory) {
        if (store.publication().isPresent()) {
            return Optional.empty();
        }
        Made made = importDirectory(SERVICE, "the rules directory on the first start", directory);
        Release release = made.release();
        if (release.state() == ReleaseState.REFUSED) {
            throw new com.callflowrules.rules.RuleBaseException(
                    release.messages().stream().map(ReleaseFiles::message).toList());
        }
        try {
            return Optional.of(transactions.execute(status -> {
                if (store.lockPublication().isPresent()) {
                    return release; // another node published first
                }
                Release locked = store.lock(release.version()).orElseThrow();
                Release approved = locked.state() == ReleaseState.CHECKED
                        ? moved(locked, ReleaseState.APPROVED, SERVICE, "the first release")
                        : locked;
                store.publish(approved.version(), Optional.empty(), clock.instant());
                return moved(approved, ReleaseState.PUBLISHED, SERVICE, "the first release");
            }));
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // another node's first publish won
        }
    }

    /**
     * Makes a release of the rules directory and publishes it (the development way: the
     * watcher and {@code POST /rules/reload}); with four-eyes on, it stops at checked. A
     * refused directory is {@link com.callflowrules.rules.RuleBaseException} with its messages.
     */
    public Release publishDirectory(String actor, String message, Path directory) {
        Release release = importDirectory(actor, message, directory).release();
        if (release.state() == ReleaseState.REFUSED) {
            throw new com.callflowrules.rules.RuleBaseException(
                    release.messages().stream().map(ReleaseFiles::message).toList());
        }
        if (release.state() == ReleaseState.PUBLISHED) {
            return release;
        }
        if (settings.fourEyes()) {
            throw new ReleaseForbiddenException("four-eyes is on: release " + release.version()
                    + " is checked and needs an approver other than " + actor
                    + " (POST /conference/v2/rule_releases/" + release.version() + "/approve, then /publish)");
        }
        if (release.state() == ReleaseState.CHECKED) {
            release = approve(release.version(), actor);
        }
        return publish(release.version(), actor, null);
    }

    public Release find(String version) {
        return store.find(version).orElseThrow(() -> unknown(version));
    }

    /** The release with its files. */
    public Release withFiles(String version) {
        Release release = find(version);
        return release.withFiles(store.files(version));
    }

    public String file(String version, String path) {
        String content = store.files(find(version).version()).get(path);
        if (content == null) {
            throw new UnknownReleaseException("release " + version + " has no file " + path);
        }
        return content;
    }

    public List<ReleaseStep> history(String version) {
        return store.steps(find(version).version());
    }

    public List<Release> page(int offset, int limit) {
        return store.page(offset, limit);
    }

    public long count() {
        return store.count();
    }

    /** The published release's version, if one is. */
    public Optional<String> published() {
        return store.publication().map(ReleaseRepository.Publication::version);
    }

    /** The nodes that wrote their status in the last {@code within}. */
    public List<NodeStatus> nodes(java.time.Duration within) {
        return store.nodes(clock.instant().minus(within));
    }

    /** The paths whose content differs between two releases: added, deleted or changed in {@code version}. */
    public Map<String, String> diff(String version, String against) {
        return ReleaseFiles.changes(
                store.files(find(version).version()), store.files(find(against).version()));
    }

    private void fourEyes(Release release, String actor, String what) {
        if (settings.fourEyes() && release.author().equals(actor)) {
            throw new ReleaseForbiddenException("four-eyes: release " + release.version() + " was made by " + actor
                    + " and must be " + what + " by somebody else");
        }
    }

    private Release moved(Release release, ReleaseState to, String actor, @Nullable String note) {
        store.setState(release.version(), to);
        store.step(new ReleaseStep(release.version(), release.state(), to, actor, clock.instant(), note));
        return release.withState(to);
    }

    private static UnknownReleaseException unknown(String version) {
        return new UnknownReleaseException("no rule release " + version);
    }
}
