package com.callflowrules.api;

import com.callflowrules.facts.Spelled;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;

/**
 * Field names as the API writes them. Bean Validation reports a record component's Java name
 * ({@code numberDst}); the API's JSON is snake_case ({@code spring.jackson.property-naming-strategy}),
 * so the same Jackson strategy translates it.
 */
public final class JsonNames {

    private static final PropertyNamingStrategy SNAKE_CASE = PropertyNamingStrategies.SNAKE_CASE;

    private JsonNames() {}

    /** {@code accessCodes[0].accessCode} as {@code access_codes[0].access_code}. */
    public static String of(String javaPath) {
        StringBuilder json = new StringBuilder();
        for (String segment : javaPath.split("\\.", -1)) {
            int index = segment.indexOf('[');
            String name = index < 0 ? segment : segment.substring(0, index);
            if (!json.isEmpty()) {
                json.append('.');
            }
            json.append(SNAKE_CASE.nameForField(null, null, name)).append(index < 0 ? "" : segment.substring(index));
        }
        return json.toString();
    }

    /** Where in the body a Jackson error happened, as the JSON names it ({@code access_codes[0].colour}). */
    public static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of the wrong JSON type for {@code target} must be instead. */
    public static String wrongType(Class<?> target) {
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target != null && target.isEnum()) {
            return "must be one of "
                    + java.util.Arrays.stream(target.getEnumConstants())
                            .map(constant -> constant instanceof Spelled spelled
                                    ? spelled.spelling()
                                    : ((Enum<?>) constant).name())
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        if (target != null && java.util.Collection.class.isAssignableFrom(target)) {
            return "must be a list";
        }
        if (target != null && (java.util.Map.class.isAssignableFrom(target) || target.isRecord())) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
