package com.callflowrules.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A scratch copy of the shipped rules directory that a test may edit. */
public final class RulesCopy {

    private final Path root;

    private RulesCopy(Path root) {
        this.root = root;
    }

    /** Copies {@code rules/} into {@code target} (a test's temporary directory). */
    public static RulesCopy of(Path target) {
        return copy(ShippedRules.DIRECTORY, target);
    }

    /**
     * Copies only the call-flow definitions of {@code rules/}: the least a rule base needs, for a
     * test about one rule file that need not compile the shipped ones beside it.
     */
    public static RulesCopy definitionsOnly(Path target) {
        return copy(ShippedRules.DIRECTORY.resolve("call-flows"), target.resolve("call-flows"))
                .withRoot(target);
    }

    private RulesCopy withRoot(Path target) {
        return new RulesCopy(target);
    }

    private static RulesCopy copy(Path from, Path target) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulesCopy(target);
    }

    public Path root() {
        return root;
    }

    public RulesCopy write(String file, String text) {
        try {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public RulesCopy delete(String file) {
        try {
            Files.delete(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String file) {
        try {
            return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
