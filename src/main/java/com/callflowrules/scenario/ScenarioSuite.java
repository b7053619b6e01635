package com.callflowrules.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every scenario file under a directory ({@code rules/scenarios} by default), in path order. */
public final class ScenarioSuite {

    private ScenarioSuite() {}

    /** The scenario files under {@code directory}, sorted, as paths relative to it. */
    public static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ScenarioException(directory + ": no scenarios directory");
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .map(directory::relativize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code file} (relative to {@code directory}). */
    public static Scenario read(Path directory, Path file) {
        try {
            return new ScenarioReader()
                    .read(
                            file.toString().replace('\\', '/'),
                            Files.readString(directory.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
