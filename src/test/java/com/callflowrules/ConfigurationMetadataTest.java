package com.callflowrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code callflow.*} key is bound by a typed {@code @ConfigurationProperties} record, so the
 * metadata Spring Boot's configuration processor generates (what an IDE completes) lists every key
 * the service's defaults, the README and the operations guide name, each with a description; and
 * no class reads configuration with {@code @Value}.
 */
class ConfigurationMetadataTest {

    /** A row of a configuration table: {@code | `callflow.timers.enabled` / `.interval` | ...}. */
    private static final Pattern DOCUMENTED_KEY =
            Pattern.compile("^\\| `(callflow\\.[a-z.-]+)`(?: / `\\.([a-z-]+)`)?", Pattern.MULTILINE);

    private static Map<String, JsonNode> metadata() throws IOException {
        try (InputStream in =
                ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            JsonNode root = JsonMapper.builder().build().readTree(in);
            return Stream.of(root.get("properties").valueStream().toArray(JsonNode[]::new))
                    .collect(Collectors.toMap(p -> p.get("name").asString(), p -> p));
        }
    }

    @Test
    void everyKeyOfTheServiceDefaultsIsInTheGeneratedMetadataWithADescription() throws IOException {
        Map<String, JsonNode> metadata = metadata();
        Set<String> keys = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/callflow-service.yaml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            flatten("", yaml, keys);
        }
        Set<String> callflow =
                keys.stream().filter(k -> k.startsWith("callflow.")).collect(Collectors.toCollection(TreeSet::new));

        assertThat(callflow).hasSizeGreaterThan(10);
        for (String key : callflow) {
            // a key under a map (callflow.users.<name>.roles) is described by the map's entry
            JsonNode entry = metadata.containsKey(key)
                    ? metadata.get(key)
                    : metadata.values().stream()
                            .filter(p -> p.path("type").asString("").startsWith("java.util.Map<")
                                    && key.startsWith(p.get("name").asString() + "."))
                            .findFirst()
                            .orElse(null);
            assertThat(entry).as(key + " in the metadata").isNotNull();
            assertThat(entry.path("description").asString("")).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyTheDocsNameIsInTheGeneratedMetadata() throws IOException {
        Set<String> metadata = metadata().keySet();
        for (Path doc : List.of(Path.of("README.md"), Path.of("docs/operations.md"))) {
            List<String> named = new ArrayList<>();
            Matcher key = DOCUMENTED_KEY.matcher(configurationTables(Files.readString(doc)));
            while (key.find()) {
                String name = key.group(1).replaceAll("\\.$", "");
                named.add(name);
                if (key.group(2) != null) {
                    named.add(name.substring(0, name.lastIndexOf('.') + 1) + key.group(2));
                }
            }
            assertThat(named).as(doc.toString()).isNotEmpty();
            assertThat(metadata)
                    .as(doc + " names keys no properties record binds")
                    .containsAll(named.stream().filter(n -> !n.endsWith(".")).toList());
        }
    }

    @Test
    void noClassReadsConfigurationWithValue() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> classes = Files.walk(Path.of("target/classes/com/callflowrules"))) {
            for (Path file :
                    classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                new ClassReader(Files.readAllBytes(file))
                        .accept(new ValueFinder(file, offenders), ClassReader.SKIP_CODE);
            }
        }
        assertThat(offenders).isEmpty();
    }

    /** The rows of every table whose header starts {@code | Property |}: the configuration tables. */
    private static String configurationTables(String markdown) {
        StringBuilder rows = new StringBuilder();
        boolean inTable = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("| Property |")) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            } else if (inTable) {
                rows.append(line).append('\n');
            }
        }
        return rows.toString();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Set<String> into) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", (Map<String, Object>) nested, into);
            } else {
                into.add(name);
            }
        });
    }

    /** Records every field, method or parameter annotated with Spring's {@code @Value}. */
    private static final class ValueFinder extends ClassVisitor {
        private static final String VALUE = "Lorg/springframework/beans/factory/annotation/Value;";
        private final Path file;
        private final List<String> offenders;

        ValueFinder(Path file, List<String> offenders) {
            super(Opcodes.ASM9);
            this.file = file;
            this.offenders = offenders;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                    if (VALUE.equals(annotation)) {
                        offenders.add(file.getFileName() + " " + name + " parameter " + parameter);
                    }
                    return null;
                }

                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (VALUE.equals(annotation)) {
                        offenders.add(file.getFileName() + " " + name);
                    }
                    return null;
                }
            };
        }

        @Override
        public org.objectweb.asm.FieldVisitor visitField(
                int access, String name, String descriptor, String signature, Object value) {
            return new org.objectweb.asm.FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (VALUE.equals(annotation)) {
                        offenders.add(file.getFileName() + " field " + name);
                    }
                    return null;
                }
            };
        }
    }
}
