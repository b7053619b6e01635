package com.callflowrules.releases;

import com.callflowrules.rules.RuleBaseException;
import com.callflowrules.rules.RuleMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first step of a release's life for {@link Releases}: a draft made from a base release and
 * changed files (or a directory), checked at once and stored as checked or refused. The same
 * content made twice, even by two nodes at once, is one release.
 */
final class ReleaseDrafts {

    private static final Logger log = LoggerFactory.getLogger(Releases.class);

    private final ReleaseRepository store;
    private final ReleaseCheck check;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReleaseDrafts(ReleaseRepository store, ReleaseCheck check, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.check = check;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Makes a draft from {@code draft.base()} (none: from nothing) with the changes applied, and
     * checks it: it is stored as {@code checked} or {@code refused} with its messages.
     */
    Releases.Made draft(String author, Releases.Draft draft) {
        Map<String, String> files = new TreeMap<>();
        if (draft.base() != null) {
            files.putAll(store.files(find(draft.base()).version()));
        }
        List<String> missing = new ArrayList<>();
        draft.changes().forEach((path, content) -> {
            if (content == null) {
                if (files.remove(path) == null) {
                    missing.add(path);
                }
            } else {
                files.put(path, content);
            }
        });
        if (!missing.isEmpty()) {
            throw new ReleaseConflictException("cannot delete " + String.join(", ", missing) + ": "
                    + (draft.base() == null
                            ? "a draft without a base has no files"
                            : "not in release " + draft.base()));
        }
        return made(author, draft.base(), draft.message(), files);
    }

    /** Makes a draft of the rule base files in {@code directory}, from nothing. */
    Releases.Made importDirectory(String author, String message, Path directory) {
        List<RuleMessage> errors = new ArrayList<>();
        Map<String, String> files = ReleaseFiles.read(directory, errors);
        if (!errors.isEmpty()) {
            throw new RuleBaseException(errors);
        }
        return made(author, null, message, files);
    }

    private Releases.Made made(String author, @Nullable String base, String message, Map<String, String> files) {
        String version = ReleaseFiles.version(files);
        Optional<Release> existing = store.find(version);
        if (existing.isPresent()) {
            return new Releases.Made(existing.get(), true);
        }
        ReleaseCheck.Checked checked = check.check(files);
        Release release = new Release(
                version,
                checked.clean() ? ReleaseState.CHECKED : ReleaseState.REFUSED,
                base,
                author,
                message,
                clock.instant(),
                checked.messages(),
                checked.scenarios(),
                files);
        try {
            transactions.executeWithoutResult(status -> {
                store.insert(release);
                store.step(new ReleaseStep(version, null, ReleaseState.DRAFT, author, release.createdAt(), message));
                store.step(new ReleaseStep(
                        version,
                        ReleaseState.DRAFT,
                        release.state(),
                        Releases.SERVICE,
                        clock.instant(),
                        checked.clean()
                                ? "every check and scenario passed"
                                : checked.messages().size() + " messages"));
            });
        } catch (DuplicateKeyException e) {
            // made at the same time by somebody else: the same content, the same release
            return new Releases.Made(find(version), true);
        }
        log.info(
                "rule release {} made by {}: {}",
                version,
                author,
                release.state().spelling());
        return new Releases.Made(release, false);
    }

    private Release find(String version) {
        return store.find(version).orElseThrow(() -> new UnknownReleaseException("no rule release " + version));
    }
}
