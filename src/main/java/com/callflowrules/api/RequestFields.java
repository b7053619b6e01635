package com.callflowrules.api;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Role;
import com.callflowrules.properties.PropertySchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON request object, collecting every problem before failing, so one
 * answer names all wrong fields. Tells a field left out from one set to {@code null}, which
 * PATCH needs.
 */
final class RequestFields {

    private static final Pattern ACCESS_CODE = com.callflowrules.facts.AccessCode.FORMAT;

    private final JsonNode node;
    private final List<ApiError.FieldError> errors = new ArrayList<>();

    private RequestFields(JsonNode node) {
        this.node = node;
    }

    /** The body as an object whose fields are all in {@code writable} or {@code readOnly}. */
    static RequestFields of(JsonNode node, Set<String> writable, Set<String> readOnly) {
        if (node == null || !node.isObject()) {
            throw new MalformedBodyException("the body must be a JSON object");
        }
        RequestFields body = new RequestFields(node);
        for (String field : node.propertyNames()) {
            if (!writable.contains(field) && !readOnly.contains(field)) {
                body.error(field, "unknown field");
            }
        }
        return body;
    }

    boolean has(String field) {
        return node.has(field);
    }

    boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    /** A required string; records an error and returns null when missing or not a string. */
    String requiredText(String field, int maxLength) {
        if (!node.has(field) || node.get(field).isNull()) {
            error(field, "is required");
            return null;
        }
        return text(field, maxLength);
    }

    /** An optional string: null when left out or null. */
    String text(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            error(field, "must be a string");
            return null;
        }
        String text = value.asString();
        if (text.isEmpty() || text.length() > maxLength) {
            error(field, "must be 1 to " + maxLength + " characters");
            return null;
        }
        String unstorable = unstorable(text);
        if (unstorable != null) {
            error(field, unstorable);
            return null;
        }
        return text;
    }

    /**
     * Why {@code text} cannot be kept by every supported store (PostgreSQL keeps no NUL; a lone
     * surrogate is no text; line breaks and other control characters break logs and headers),
     * or {@code null} when it can.
     */
    static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters (found U+" + String.format("%04X", (int) c) + " at " + i
                        + ")";
            }
            if (Character.isHighSurrogate(c)
                            && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "must be valid Unicode text (a lone surrogate at " + i + ")";
            }
        }
        return null;
    }

    /** An optional boolean: null when left out. */
    Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    /** An optional string checked against a property type of the schema (empty allowed where the type allows it). */
    String ofType(String field, com.callflowrules.properties.PropertyType type) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            error(field, "must be a string");
            return null;
        }
        String text = value.asString();
        return type.check(text)
                .map(reason -> {
                    error(field, "'" + text + "' " + reason);
                    return (String) null;
                })
                .orElse(text);
    }

    /** A string that must match {@code pattern}, described as {@code rule} in the error. */
    String matching(String field, Pattern pattern, String rule, boolean required) {
        String text = required ? requiredText(field, 64) : text(field, 64);
        if (text != null && !pattern.matcher(text).matches()) {
            error(field, "must be " + rule);
            return null;
        }
        return text;
    }

    /**
     * The {@code properties} object, each value checked against the schema. For a merge patch
     * ({@code patch}), a null value means "remove this override" and is kept as null.
     */
    Map<String, String> properties(PropertySchema schema, boolean patch) {
        JsonNode value = node.get("properties");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            error("properties", "must be an object of property keys to string values");
            return Map.of();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode v = entry.getValue();
            if (v.isNull() && patch) {
                if (schema.definition(key).isEmpty()) {
                    error("properties." + key, "unknown property key");
                }
                properties.put(key, null);
            } else if (!v.isString()) {
                error("properties." + key, "must be a string");
            } else {
                schema.check(key, v.asString())
                        .ifPresentOrElse(
                                violation -> error("properties." + key, "'" + v.asString() + "' " + violation.reason()),
                                () -> properties.put(key, v.asString()));
            }
        }
        return properties;
    }

    /** The {@code access_codes} list: digits 1 to 16, each with a role. */
    List<AccessCode> accessCodes() {
        JsonNode value = node.get("access_codes");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            error("access_codes", "must be a list of {access_code, role}");
            return List.of();
        }
        List<AccessCode> codes = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = "access_codes[" + i + "]";
            if (!item.isObject()) {
                error(at, "must be an object {access_code, role}");
                continue;
            }
            JsonNode code = item.get("access_code");
            JsonNode role = item.get("role");
            boolean ok = true;
            for (String name : item.propertyNames()) {
                if (!name.equals("access_code") && !name.equals("role")) {
                    error(at + "." + name, "unknown field (an access code has access_code and role)");
                    ok = false;
                }
            }
            if (code == null
                    || !code.isString()
                    || !ACCESS_CODE.matcher(code.asString()).matches()) {
                error(at + ".access_code", "must be 1 to 16 digits");
                ok = false;
            }
            if (role == null
                    || !role.isString()
                    || !Set.of("host", "participant", "listener").contains(role.asString())) {
                error(at + ".role", "must be host, participant or listener");
                ok = false;
            }
            if (ok) {
                codes.add(new AccessCode(code.asString(), Role.fromJsonName(role.asString())));
            }
        }
        return codes;
    }

    void error(String field, String message) {
        errors.add(new ApiError.FieldError(field, message));
    }

    /** Throws {@link ValidationException} with every problem recorded so far. */
    void validate() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
