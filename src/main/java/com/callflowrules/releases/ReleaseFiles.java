package com.callflowrules.releases;

import com.callflowrules.rules.RuleBaseLoader;
import com.callflowrules.rules.RuleFiles;
import com.callflowrules.rules.RuleMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A release's files: which paths a release may hold, its version, and the directory the loader
 * builds it from. The same bounds as a rules directory on disk ({@link RuleFiles}).
 */
final class ReleaseFiles {

    /** Relative, forward slashes, no empty, {@code .} or {@code ..} segment. */
    private static final Pattern PATH = Pattern.compile("(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private ReleaseFiles() {}

    /** Every problem with the paths and sizes of {@code files}, each naming its path. */
    static List<RuleMessage> problems(Map<String, String> files) {
        List<RuleMessage> problems = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            if (path.length() > 400 || !PATH.matcher(path).matches() || path.contains("..")) {
                problems.add(
                        new RuleMessage(path, 0, "not a path inside a rule base (relative, forward slashes, no '..')"));
                continue;
            }
            if (!RuleFiles.isRuleBaseFile(path)) {
                problems.add(new RuleMessage(
                        path,
                        0,
                        "not a file of a rule base: rule files end in .drl, definitions are call-flows/<name>.yaml,"
                                + " scenarios are scenarios/**/*.yaml"));
            }
            long bytes = file.getValue().getBytes(StandardCharsets.UTF_8).length;
            total += bytes;
            if (bytes > RuleFiles.MAX_FILE_BYTES) {
                problems.add(new RuleMessage(path, 0, "larger than " + RuleFiles.MAX_FILE_BYTES + " bytes"));
            }
        }
        if (files.size() > RuleFiles.MAX_FILES) {
            problems.add(new RuleMessage("", 0, "more than " + RuleFiles.MAX_FILES + " files"));
        }
        if (total > RuleFiles.MAX_TOTAL_BYTES) {
            problems.add(new RuleMessage("", 0, "more than " + RuleFiles.MAX_TOTAL_BYTES + " bytes in all"));
        }
        return problems;
    }

    /** The version the rule base of {@code files} gets when built. */
    static String version(Map<String, String> files) {
        return RuleBaseLoader.contentVersion(files);
    }

    /** The rule base files of {@code directory}, as a release holds them; problems go to {@code errors}. */
    static Map<String, String> read(Path directory, List<RuleMessage> errors) {
        return new TreeMap<>(RuleFiles.read(directory, RuleFiles::isRuleBaseFile, errors));
    }

    /** Writes {@code files} under {@code directory}, which must be empty or absent. */
    static void write(Map<String, String> files, Path directory) {
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IllegalArgumentException("a path leaves the rule base: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh temporary directory holding {@code files}; the caller deletes it ({@link #delete}). */
    static Path temporary(Map<String, String> files) {
        try {
            Path directory = Files.createTempDirectory("callflow-release-").toRealPath();
            write(files, directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** The paths whose content differs between two releases' files: added, deleted or changed in {@code mine}. */
    static Map<String, String> changes(Map<String, String> mine, Map<String, String> theirs) {
        Map<String, String> changes = new java.util.TreeMap<>();
        mine.forEach((path, content) -> {
            if (!theirs.containsKey(path)) {
                changes.put(path, "added");
            } else if (!java.util.Objects.equals(theirs.get(path), content)) {
                changes.put(path, "changed");
            }
        });
        theirs.keySet().stream().filter(path -> !mine.containsKey(path)).forEach(path -> changes.put(path, "deleted"));
        return changes;
    }

    /** A stored {@code file:line: reason} back as a message. */
    static RuleMessage message(String stored) {
        java.util.regex.Matcher m = STORED_MESSAGE.matcher(stored);
        return m.matches()
                ? new RuleMessage(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), m.group(3))
                : new RuleMessage("", 0, stored);
    }

    private static final Pattern STORED_MESSAGE = Pattern.compile("([^:]*):(?:(\\d+):)? (.*)", Pattern.DOTALL);
}
