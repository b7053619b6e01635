package com.callflowrules.api.requests;

import com.callflowrules.api.ApiError;
import com.callflowrules.api.JsonNames;
import com.callflowrules.api.MalformedBodyException;
import com.callflowrules.api.ValidationException;
import com.callflowrules.properties.PropertySchema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds the body of a configuration write to its request record and validates it, reporting
 * every wrong field in one answer: unknown fields and values that are none of an enum's are
 * collected while Jackson binds (Jackson alone stops at the first), then the record's Bean
 * Validation constraints run. A value of the wrong JSON type still ends the binding at once,
 * reported with the fields collected until then.
 *
 * <p>A create or replace binds the body as it is; a merge patch (RFC 7386) is applied to the
 * stored object's fields first and the result bound, so a field left out keeps its value, a
 * {@code null} removes it, and the same constraints hold for every way of writing.
 */
@Component
public class RequestBinder {

    /**
     * Constraints that hold when an object is created only ({@code account_sid} of the lower
     * levels); a create also checks every {@link Default} constraint.
     */
    public interface OnCreate extends Default {}

    private static final PropertySchema SCHEMA = PropertySchema.standard();

    private final ObjectMapper mapper;
    private final Validator validator;

    public RequestBinder(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A create: the body as it is. */
    public <T extends Record> T create(JsonNode body, Class<T> type) {
        return bind(object(body), type, List.of(), OnCreate.class);
    }

    /** A create: the body, with {@code defaults}' non-null fields where the body leaves them out. */
    public <T extends Record> T create(JsonNode body, Class<T> type, T defaults) {
        ObjectNode filled = object(body).deepCopy();
        mapper.<ObjectNode>valueToTree(defaults).properties().forEach(field -> {
            if (!field.getValue().isNull() && !filled.has(field.getKey())) {
                filled.set(field.getKey(), field.getValue());
            }
        });
        return bind(filled, type, List.of(), OnCreate.class);
    }

    /** A replace: the body is the whole object. */
    public <T extends Record> T replace(JsonNode body, Class<T> type) {
        return bind(object(body), type, List.of());
    }

    /** A merge patch of {@code current}'s fields; removing a property key the schema does not have is refused. */
    public <T extends Record> T patch(T current, JsonNode patch, Class<T> type) {
        List<ApiError.FieldError> errors = new ArrayList<>();
        if (object(patch).get("properties") instanceof ObjectNode properties) {
            properties.properties().forEach(entry -> {
                if (entry.getValue().isNull()
                        && SCHEMA.definition(entry.getKey()).isEmpty()) {
                    errors.add(new ApiError.FieldError("properties." + entry.getKey(), "unknown property key"));
                }
            });
        }
        return bind(MergePatch.apply(mapper.valueToTree(current), patch), type, errors);
    }

    private static ObjectNode object(JsonNode body) {
        if (body instanceof ObjectNode object) {
            return object;
        }
        throw new MalformedBodyException("the body must be a JSON object");
    }

    /** Binds and validates; {@code groups} empty means the {@link Default} constraints. */
    private <T> T bind(JsonNode document, Class<T> type, List<ApiError.FieldError> found, Class<?>... groups) {
        Problems problems = new Problems(found);
        T value;
        try {
            value = mapper.readerFor(type).withHandler(problems).readValue(document);
        } catch (MismatchedInputException e) {
            problems.errors.add(new ApiError.FieldError(JsonNames.path(e), JsonNames.wrongType(e.getTargetType())));
            throw new ValidationException(problems.distinct());
        }
        for (ConstraintViolation<T> violation : validator.validate(value, groups)) {
            problems.errors.add(new ApiError.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        if (!problems.errors.isEmpty()) {
            throw new ValidationException(problems.distinct());
        }
        return value;
    }

    /** A violation's place as the API names it: {@code access_codes[0].role}, {@code properties.did_language}. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                field.append('.').append(node.getKey());
            }
            if (node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(JsonNames.of(node.getName()));
            }
        }
        return field.toString();
    }

    /** Collects what Jackson would stop at, so the answer names every wrong field. */
    private final class Problems extends DeserializationProblemHandler {

        private final List<ApiError.FieldError> errors;

        Problems(List<ApiError.FieldError> found) {
            this.errors = new ArrayList<>(found);
        }

        /**
         * Each field once (a role reported here comes back null, which the record's constraint
         * reports again), in the order of their names: Bean Validation reports in no set order.
         */
        List<ApiError.FieldError> distinct() {
            Map<String, ApiError.FieldError> byField = new TreeMap<>();
            errors.forEach(error -> byField.putIfAbsent(error.field(), error));
            return List.copyOf(byField.values());
        }

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                ValueDeserializer<?> deserializer,
                Object beanOrClass,
                String property) {
            TokenStreamContext at = parser.streamReadContext();
            if (parser.currentToken() != null && parser.currentToken().isStructStart()) {
                at = at.getParent();
            }
            errors.add(new ApiError.FieldError(place(at), "unknown field"));
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(
                DeserializationContext context, Class<?> target, String value, String failure) {
            if (!target.isEnum()) {
                return NOT_HANDLED;
            }
            errors.add(new ApiError.FieldError(place(context.getParser().streamReadContext()), oneOf(target)));
            return null;
        }

        /** "must be host, participant or listener", in the enum's JSON names. */
        private String oneOf(Class<?> enumType) {
            List<String> names = new ArrayList<>();
            for (Object constant : enumType.getEnumConstants()) {
                names.add(mapper.valueToTree(constant).asString());
            }
            String last = names.remove(names.size() - 1);
            return "must be " + (names.isEmpty() ? last : String.join(", ", names) + " or " + last);
        }

        private static String place(TokenStreamContext context) {
            List<String> parts = new ArrayList<>();
            for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
                if (at.inArray()) {
                    parts.add(0, "[" + at.getCurrentIndex() + "]");
                } else if (at.currentName() != null) {
                    parts.add(0, at.currentName());
                }
            }
            StringBuilder place = new StringBuilder();
            for (String part : parts) {
                place.append(part.startsWith("[") || place.isEmpty() ? "" : ".").append(part);
            }
            return place.toString();
        }
    }
}
