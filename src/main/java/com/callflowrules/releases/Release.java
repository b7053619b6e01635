package com.callflowrules.releases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule release: the whole rule base as it was made, named by the hash of its content (the
 * version its decisions carry).
 *
 * @param version   the content hash, equal to the rule-base version when it runs
 * @param state     where it is in its life
 * @param base      the release it was made from; none for an import of a directory
 * @param author    who made it
 * @param message   why
 * @param createdAt when
 * @param messages  what its check said, each {@code file:line: reason}
 * @param scenarios how its scenarios did
 * @param files     its files by path relative to the rule base; empty where a listing leaves them out
 */
public record Release(
        String version,
        ReleaseState state,
        @Nullable String base,
        String author,
        String message,
        Instant createdAt,
        List<String> messages,
        ScenarioOutcome scenarios,
        Map<String, String> files) {

    public Release {
        messages = List.copyOf(messages);
        files = Map.copyOf(files);
    }

    Release withState(ReleaseState next) {
        return new Release(version, next, base, author, message, createdAt, messages, scenarios, files);
    }

    Release withFiles(Map<String, String> content) {
        return new Release(version, state, base, author, message, createdAt, messages, scenarios, content);
    }
}
