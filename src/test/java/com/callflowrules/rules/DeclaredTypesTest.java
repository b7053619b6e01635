package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A type the shipped rules {@code declare} belongs to the whole package, so any file may match or
 * insert it. The convention docs/rule-authoring.md states: it is declared once, in the file that
 * gives it its meaning, and the comment above it names every other file that uses it, so a reader
 * of one file knows where else the fact counts.
 */
class DeclaredTypesTest {

    private static final Pattern DECLARE = Pattern.compile("((?://[^\\n]*\\n)*)declare (\\w+)");

    @Test
    void eachSharedTypeIsDeclaredOnceAndNamesTheFilesThatUseIt() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        Map<String, String> declaredIn = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        texts.forEach((file, text) -> {
            Matcher declaration = DECLARE.matcher(text);
            while (declaration.find()) {
                String type = declaration.group(2);
                String comment = declaration.group(1);
                String earlier = declaredIn.put(type, file);
                if (earlier != null) {
                    problems.add(type + " is declared in " + earlier + " and " + file);
                }
                Pattern use = Pattern.compile("\\b" + type + "\\b");
                texts.forEach((other, otherText) -> {
                    if (!other.equals(file) && use.matcher(otherText).find() && !comment.contains(other)) {
                        problems.add(
                                type + " (" + file + ") is used in " + other + ", which its comment does not name");
                    }
                });
            }
        });

        assertThat(declaredIn).as("the shipped rules declare types").containsKeys("Entering", "PressedBinding");
        assertThat(problems).isEmpty();
    }
}
