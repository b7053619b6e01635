package com.callflowrules.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a rules directory as the loader sees it: every rule file and call-flow definition by
 * relative path, and (for the scenario runner) every scenario, each required to be UTF-8 text.
 * A rule base is untrusted input, so the tree is bounded: no symbolic link anywhere (a link could
 * make a file outside the rules directory a rule), at most {@value #MAX_FILES} files of at most
 * {@value #MAX_FILE_BYTES} bytes each and {@value #MAX_TOTAL_BYTES} bytes in all.
 */
public final class RuleFiles {

    private RuleFiles() {}

    /** Largest rule, definition or scenario file read; a larger one is refused, not read. */
    public static final long MAX_FILE_BYTES = 1_048_576;
    /** Most files a rule base may hold (rules, definitions and scenarios together). */
    public static final int MAX_FILES = 2_000;
    /** Most bytes the files read from one directory may hold together. */
    public static final long MAX_TOTAL_BYTES = 16L * 1_048_576;

    /**
     * Every rule and definition file under {@code rulesDir} by relative path, sorted; scenarios
     * excluded. A file that is too large, not UTF-8, or a link is refused with its name (in
     * {@code errors}); so is a tree past the bounds.
     */
    static Map<String, String> read(Path rulesDir, List<RuleMessage> errors) {
        if (!Files.isDirectory(rulesDir)) {
            throw new RuleBaseException(
                    List.of(new RuleMessage(rulesDir.toString(), 0, "rules directory does not exist")));
        }
        return read(
                rulesDir,
                relative -> relative.endsWith(".drl") && !relative.startsWith("scenarios/") || isDefinition(relative),
                errors);
    }

    /** The scenario files under {@code rulesDir/scenarios}, by path relative to {@code rulesDir}; none when absent. */
    public static Map<String, String> scenarios(Path rulesDir, List<RuleMessage> errors) {
        Path scenarios = rulesDir.resolve(SCENARIOS_DIR);
        Map<String, String> found = new TreeMap<>();
        if (!Files.isDirectory(scenarios, LinkOption.NOFOLLOW_LINKS)) {
            return found;
        }
        List<RuleMessage> problems = new ArrayList<>();
        read(scenarios, RuleFiles::isScenario, problems)
                .forEach((file, text) -> found.put(SCENARIOS_DIR + "/" + file, text));
        problems.forEach(m -> errors.add(new RuleMessage(SCENARIOS_DIR + "/" + m.file(), m.line(), m.reason())));
        return found;
    }

    /**
     * Whether {@code relative} names a file a rule base is made of: a rule file (outside the
     * scenarios), a call-flow definition or a scenario. A rule release holds these and no others.
     */
    public static boolean isRuleBaseFile(String relative) {
        return relative.startsWith(SCENARIOS_DIR + "/")
                ? isScenario(relative)
                : relative.endsWith(".drl") || isDefinition(relative);
    }

    /** The directory of a rule base that holds its regression scenarios. */
    public static final String SCENARIOS_DIR = "scenarios";

    /** Whether {@code relative} (to the scenarios directory) names a scenario file. */
    public static boolean isScenario(String relative) {
        return relative.endsWith(".yaml") || relative.endsWith(".yml");
    }

    /**
     * The files under {@code directory} whose relative path {@code wanted} accepts, by relative
     * path, sorted, read with the bounds of a rule base; problems go to {@code errors}, named by
     * path relative to {@code directory}.
     */
    public static Map<String, String> read(Path directory, Predicate<String> wanted, List<RuleMessage> errors) {
        Map<String, String> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.forEach(paths::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            errors.add(new RuleMessage(directory.toString(), 0, "cannot read the directory: " + e.getMessage()));
            return files;
        }
        long total = 0;
        int count = 0;
        for (Path path : paths) {
            String relative = directory.relativize(path).toString().replace('\\', '/');
            if (Files.isSymbolicLink(path)) {
                errors.add(new RuleMessage(
                        relative,
                        0,
                        "a symbolic link is refused: every file of a rule base is a file of its directory"));
                continue;
            }
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || !wanted.test(relative)) {
                continue;
            }
            if (++count > MAX_FILES) {
                errors.add(new RuleMessage(
                        relative, 0, "more than " + MAX_FILES + " files: a rule base holds at most " + MAX_FILES));
                break;
            }
            Optional<Read> text = readFile(path, relative, errors);
            if (text.isPresent()) {
                total += text.get().bytes();
                if (total > MAX_TOTAL_BYTES) {
                    errors.add(new RuleMessage(
                            relative,
                            0,
                            "the files read so far pass " + MAX_TOTAL_BYTES
                                    + " bytes: a rule base holds at most that"));
                    break;
                }
                files.put(relative, text.get().text());
            }
        }
        return files;
    }

    /** A file's text and its size on disk. */
    private record Read(String text, long bytes) {}

    private static Optional<Read> readFile(Path path, String relative, List<RuleMessage> errors) {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                errors.add(new RuleMessage(
                        relative, 0, "file of " + size + " bytes refused: at most " + MAX_FILE_BYTES + " bytes"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(path);
            return Optional.of(new Read(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes))
                            .toString(),
                    bytes.length));
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new RuleMessage(relative, 0, "not UTF-8 text"));
        } catch (IOException e) {
            errors.add(new RuleMessage(relative, 0, "cannot be read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** A call-flow definition: a YAML file directly under {@code call-flows/}. */
    static boolean isDefinition(String relative) {
        return relative.startsWith(RuleBaseLoader.DEFINITIONS_DIR + "/")
                && relative.indexOf('/', RuleBaseLoader.DEFINITIONS_DIR.length() + 1) < 0
                && (relative.endsWith(".yaml") || relative.endsWith(".yml"));
    }
}
