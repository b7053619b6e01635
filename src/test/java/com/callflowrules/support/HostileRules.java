package com.callflowrules.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hostile-rules corpus ({@code src/test/resources/hostile-rules}): rule files that each try a
 * different way out of the sandbox. Each names, in a {@code // expect:} line, a word the refusal
 * must contain; {@code MARKER} in its text is replaced by a path the file would create if any of
 * its code ran.
 */
public record HostileRules(String name, String text, String expect) {

    private static final Pattern EXPECT = Pattern.compile("^// expect: (.+)$", Pattern.MULTILINE);

    public static List<HostileRules> all() {
        try {
            Path dir = Path.of(HostileRules.class.getResource("/hostile-rules").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.toString().endsWith(".drl"))
                        .sorted()
                        .map(HostileRules::read)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HostileRules read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher expect = EXPECT.matcher(text);
            if (!expect.find()) {
                throw new IllegalStateException(file + " has no '// expect:' line");
            }
            String name = file.getFileName().toString().replace(".drl", "");
            return new HostileRules(name, text, expect.group(1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text with its marker at {@code marker}. */
    public String textWithMarker(Path marker) {
        return text.replace("MARKER", marker.toAbsolutePath().toString().replace("\\", "/"));
    }

    /** Where the file goes in a rules directory. */
    public String fileName() {
        return "hostile/" + name + ".drl";
    }

    @Override
    public String toString() {
        return name;
    }
}
