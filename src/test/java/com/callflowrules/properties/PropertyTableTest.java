package com.callflowrules.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The property table of docs/domain.md, section 4, says what {@link PropertySchema} holds: the
 * same keys, each with the schema's base value and type. The schema is the one source; the table
 * is its reading for people, kept equal by this test.
 */
class PropertyTableTest {

    private static final Pattern ROW =
            Pattern.compile("^\\| `([a-z_]+)` \\| `([^`]*)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    /** How the table writes each type. */
    private static final Map<String, PropertyType> TYPE_NAMES = Map.of(
            "dtmf", PropertyType.DTMF,
            "roles", PropertyType.ROLES,
            "on/off", PropertyType.ON_OFF,
            "seconds", PropertyType.SECONDS,
            "locale", PropertyType.LOCALE,
            "media name", PropertyType.MEDIA_NAME,
            "digits", PropertyType.DIGITS,
            "`first`/`host`", PropertyType.START_HOW,
            "`last`/`host`", PropertyType.STOP_HOW,
            "1..10", PropertyType.ATTEMPTS);

    @Test
    void theDomainTableHasEveryKeyOfTheSchemaWithItsBaseValueAndType() throws IOException {
        String domain = Files.readString(Path.of("docs/domain.md"));
        String table = domain.substring(domain.indexOf("| Key | Base | Type | What it does |"));
        table = table.substring(0, table.indexOf("\n\n"));

        Map<String, List<Object>> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            PropertyType type = TYPE_NAMES.get(row.group(3).trim());
            assertThat(type)
                    .as("the type '%s' of %s", row.group(3).trim(), row.group(1))
                    .isNotNull();
            documented.put(row.group(1), List.of(row.group(2), type));
        }

        PropertySchema schema = PropertySchema.standard();
        Map<String, List<Object>> schemaRows = new TreeMap<>();
        for (String key : schema.keys()) {
            PropertyDefinition definition = schema.definition(key).orElseThrow();
            schemaRows.put(key, List.of(definition.baseValue(), definition.type()));
        }
        assertThat(documented).hasSize(schema.keys().size());
        assertThat(new TreeMap<>(documented)).isEqualTo(schemaRows);
    }
}
