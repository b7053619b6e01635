package com.callflowrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Conventions of design.md, checked by walking the source tree. */
class ConventionsTest {

    private static final Path MAIN = Path.of("src/main/java/com/callflowrules");

    @Test
    void onlyTheRulesPackageImportsDrools() throws IOException {
        Pattern drools = Pattern.compile("^import\\s+(static\\s+)?org\\.(kie|drools)\\.", Pattern.MULTILINE);

        List<Path> offenders = javaFiles()
                .filter(path -> !path.startsWith(MAIN.resolve("rules")))
                .filter(path -> drools.matcher(read(path)).find())
                .toList();

        assertThat(offenders).isEmpty();
    }

    @Test
    void javaNeverNamesACallFlow() throws IOException {
        List<String> flowNames;
        try (Stream<Path> definitions = Files.list(Path.of("rules/call-flows"))) {
            flowNames = definitions
                    .map(p -> p.getFileName().toString().replaceFirst("\\.ya?ml$", ""))
                    .toList();
        }
        assertThat(flowNames).contains("open", "secured");

        List<String> offenders = javaFiles()
                .flatMap(path -> flowNames.stream()
                        .filter(name -> read(path).contains("\"" + name + "\""))
                        .map(name -> path + " names \"" + name + "\""))
                .toList();

        assertThat(offenders).isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(dir -> hasJava(dir))
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertThat(missing).isEmpty();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
