package com.callflowrules.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a rules directory as the loader sees it: every rule file and call-flow definition by
 * relative path, bounded in size and required to be UTF-8 text; scenarios are not rules.
 */
final class RuleFiles {

    private RuleFiles() {}

    /** Largest rule or definition file read; a larger one is refused, not read. */
    static final long MAX_FILE_BYTES = 1_048_576;

    /**
     * Every rule and definition file under {@code rulesDir} by relative path, sorted; scenarios
     * excluded. A file that is too large or not UTF-8 is refused with its name (in {@code errors}).
     */
    static Map<String, String> read(Path rulesDir, List<RuleMessage> errors) {
        if (!Files.isDirectory(rulesDir)) {
            throw new RuleBaseException(
                    List.of(new RuleMessage(rulesDir.toString(), 0, "rules directory does not exist")));
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(rulesDir)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = rulesDir.relativize(path).toString().replace('\\', '/');
                if (relative.endsWith(".drl") && !relative.startsWith("scenarios/") || isDefinition(relative)) {
                    readFile(path, relative, errors).ifPresent(text -> files.put(relative, text));
                }
            }
        } catch (IOException e) {
            throw new RuleBaseException(
                    List.of(new RuleMessage(rulesDir.toString(), 0, "cannot read the rules directory: " + e)));
        }
        return files;
    }

    private static java.util.Optional<String> readFile(Path path, String relative, List<RuleMessage> errors) {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                errors.add(new RuleMessage(
                        relative, 0, "file of " + size + " bytes refused: at most " + MAX_FILE_BYTES + " bytes"));
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new RuleMessage(relative, 0, "not UTF-8 text"));
        } catch (IOException e) {
            errors.add(new RuleMessage(relative, 0, "cannot be read: " + e.getMessage()));
        }
        return java.util.Optional.empty();
    }

    /** A call-flow definition: a YAML file directly under {@code call-flows/}. */
    static boolean isDefinition(String relative) {
        return relative.startsWith(RuleBaseLoader.DEFINITIONS_DIR + "/")
                && relative.indexOf('/', RuleBaseLoader.DEFINITIONS_DIR.length() + 1) < 0
                && (relative.endsWith(".yaml") || relative.endsWith(".yml"));
    }
}
