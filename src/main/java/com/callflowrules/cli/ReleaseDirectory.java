package com.callflowrules.cli;

import com.callflowrules.rules.RuleFiles;
import com.callflowrules.rules.RuleMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A release as a directory, the way teams keep rules in git: every file of a rule base at its
 * path (rule files, {@code call-flows/}, {@code scenarios/}); other files there (a README, the
 * {@code .git} folder) are not part of it.
 */
final class ReleaseDirectory {

    private ReleaseDirectory() {}

    /**
     * The rule-base files under {@code directory}, by path relative to it with forward slashes,
     * read with the bounds the service reads a rules directory with ({@link RuleFiles#read}); hidden
     * paths ({@code .git/...}) are not part of a rule base.
     */
    static Map<String, String> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CommandException("not a directory: " + directory);
        }
        List<RuleMessage> problems = new ArrayList<>();
        Map<String, String> files = RuleFiles.read(
                directory,
                path -> !path.startsWith(".") && !path.contains("/.") && RuleFiles.isRuleBaseFile(path),
                problems);
        if (!problems.isEmpty()) {
            throw new CommandException(
                    problems.stream().map(RuleMessage::toString).collect(Collectors.joining("\n")));
        }
        if (files.isEmpty()) {
            throw new CommandException("no rule files, call-flow definitions or scenarios under " + directory);
        }
        return files;
    }

    /**
     * Writes {@code files} under {@code directory}, which must be absent or empty (a release is
     * written whole, never mixed into other files). A path that would leave the directory is refused.
     */
    static void write(Map<String, String> files, Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            if (Files.exists(root)) {
                try (Stream<Path> entries = Files.list(root)) {
                    if (entries.findAny().isPresent()) {
                        throw new CommandException("not empty: " + directory + " (a release is exported into an"
                                + " empty or new directory)");
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = root.resolve(file.getKey()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new CommandException("refused a path outside the directory: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CommandException("cannot write " + directory + ": " + e.getMessage());
        }
    }
}
