package com.callflowrules.scenario;

import com.callflowrules.rules.RuleFiles;
import com.callflowrules.rules.RuleMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every scenario file under a directory ({@code rules/scenarios} by default), in path order.
 * Scenarios run inside the reload gate and are as untrusted as rules: they are read with the
 * bounds of a rule base ({@link RuleFiles}: no links, bounded count and size).
 */
public final class ScenarioSuite {

    private ScenarioSuite() {}

    /** The scenario files under {@code directory}, sorted, as paths relative to it; refused past the bounds. */
    public static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ScenarioException(directory + ": no scenarios directory");
        }
        List<RuleMessage> problems = new ArrayList<>();
        List<Path> files = RuleFiles.read(directory, RuleFiles::isScenario, problems).keySet().stream()
                .map(Path::of)
                .toList();
        if (!problems.isEmpty()) {
            throw new ScenarioException(
                    problems.stream().map(m -> m.file() + ": " + m.reason()).collect(Collectors.joining("; ")));
        }
        return files;
    }

    /** Reads {@code file} (relative to {@code directory}). */
    public static Scenario read(Path directory, Path file) {
        String name = file.toString().replace('\\', '/');
        Path path = directory.resolve(file);
        try {
            if (Files.isSymbolicLink(path)) {
                throw new ScenarioException(name + ": a symbolic link is refused");
            }
            if (Files.size(path) > RuleFiles.MAX_FILE_BYTES) {
                throw new ScenarioException(name + ": larger than " + RuleFiles.MAX_FILE_BYTES + " bytes");
            }
            return new ScenarioReader().read(name, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
