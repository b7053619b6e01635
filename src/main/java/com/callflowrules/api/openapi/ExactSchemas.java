package com.callflowrules.api.openapi;

import com.callflowrules.api.requests.RequestRecords;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Makes the schema of every record of the service say exactly what goes over the wire. The
 * service writes every field of an answer, {@code null} included, so each property of an answer
 * record is required, and nullable only where the record component is JSpecify's
 * {@link Nullable}; a record that leaves out its null fields ({@code JsonInclude.NON_NULL})
 * requires only the others. Request records (those of a {@link RequestRecords} class) require what their
 * constraints require, except the bodies a PATCH sends too, which require nothing. No record accepts a property it does not declare: the service refuses
 * unknown fields.
 */
public final class ExactSchemas implements ModelConverter {

    private static final PropertyNamingStrategies.NamingBase NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw =
                TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
        if (schema == null || !raw.isRecord() || !raw.getName().startsWith("com.callflowrules.")) {
            return schema;
        }
        Schema model = schema.get$ref() == null
                ? schema
                : context.getDefinedModels()
                        .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        RequestRecords holder =
                raw.getEnclosingClass() == null ? null : raw.getEnclosingClass().getAnnotation(RequestRecords.class);
        boolean request = holder != null;
        JsonInclude include = raw.getAnnotation(JsonInclude.class);
        boolean omitsNulls = include != null && include.value() == JsonInclude.Include.NON_NULL;
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : raw.getRecordComponents()) {
            String name = NAMES.translate(component.getName());
            Schema property = properties.get(name);
            if (property == null) {
                continue;
            }
            String pattern = ConstraintPatterns.of(component);
            if (pattern != null && "string".equals(property.getType())) {
                property.setPattern(pattern);
            }
            if (property.getExample() == null && property.get$ref() == null) {
                Object example = example(name, property);
                if (example != null) {
                    property.setExample(example);
                }
            }
            boolean nullable = isNullable(component);
            if (!request && !(omitsNulls && nullable)) {
                model.addRequiredItem(name);
            }
            if (nullable && !omitsNulls) {
                properties.put(name, nullable(property, context));
            }
            if (nullableMapValues(component) && property.getAdditionalProperties() instanceof Schema values) {
                property.setAdditionalProperties(nullable(values, context));
            }
        }
        if (holder != null && holder.mergePatched()) {
            model.setRequired(null);
        }
        model.setAdditionalProperties(false);
        return schema;
    }

    /**
     * An example value for a property without one, from the conventions of the API's names, so
     * that every body of the description shows a plausible instance.
     */
    @SuppressWarnings("rawtypes")
    private static Object example(String name, Schema property) {
        if (property.getEnum() != null && !property.getEnum().isEmpty()) {
            return property.getEnum().get(0);
        }
        String type = property.getType();
        if ("boolean".equals(type)) {
            return Boolean.FALSE;
        }
        if ("integer".equals(type)) {
            return name.contains("attempts") ? 3 : name.equals("limit") ? 100 : name.contains("seconds") ? 30 : 1;
        }
        if (!"string".equals(type)) {
            return null;
        }
        if ("date-time".equals(property.getFormat())) {
            return "2026-12-01T09:00:00Z";
        }
        if (name.endsWith("_sid")) {
            return "7d444840-9dc0-11d1-b245-5ffdce74fad2";
        }
        if (name.startsWith("number") || name.equals("phonenumber")) {
            return "+15550001000";
        }
        if (name.contains("access_code")) {
            return "1234";
        }
        if (List.of("rule_base_version", "version", "base", "against", "published", "failed_version", "replaces")
                .contains(name)) {
            return "8fc2f2950f06";
        }
        return switch (name) {
            case "end_reason", "reason" -> "MEETING_ENDED";
            case "name" -> "Weekly";
            case "in_call_action" -> "conference_lock";
            case "on_hold" -> "pl";
            case "participant_muted" -> "false";
            case "language" -> "en_US";
            case "prompt" -> "default";
            case "digits" -> "*6";
            case "event" -> "access_code";
            case "call_flow" -> "hotline";
            case "entry" -> "prompt";
            case "unknown_code" -> "refuse";
            case "creator_role", "direct_role" -> "host";
            case "behaviour", "rule_file" -> "hotline";
            case "directory" -> "rules";
            case "file" -> "flows/hotline.drl";
            case "type" -> "play";
            case "sid" -> "7d444840-9dc0-11d1-b245-5ffdce74fad2";
            case "action" -> "JOIN";
            case "description" -> "Prompts for an access code; unknown codes are refused after the last attempt.";
            case "error" -> "validation_failed";
            case "message" -> "conference_start_wait = 'soon': must be an integer 0..86400";
            case "field" -> "properties.conference_start_wait";
            case "author", "actor" -> "analyst";
            case "note" -> "rollback from 048336cc7917";
            case "path" -> "call-flows/secured.yaml";
            case "text" -> "name: secured\nentry: prompt\n";
            case "node", "node_id" -> "node-a";
            case "failure" -> "flows/secured.drl:12: unable to resolve the type Foo";
            case "step" -> "step 2 (line 16): alice enters 8080";
            case "first_failure" ->
                "secured/wrong-code-then-right-code.yaml: step 2 (line 21): alice enters 9999: attempts_left: expected 7, actual 2";
            case "value", "against_value" -> "off";
            default -> null;
        };
    }

    /** {@code Map<String, @Nullable String>}: a merge patch, where null removes a key. */
    private static boolean nullableMapValues(RecordComponent component) {
        return component.getAnnotatedType() instanceof java.lang.reflect.AnnotatedParameterizedType map
                && map.getAnnotatedActualTypeArguments().length == 2
                && map.getAnnotatedActualTypeArguments()[1].isAnnotationPresent(Nullable.class);
    }

    private static boolean isNullable(RecordComponent component) {
        return component.isAnnotationPresent(Nullable.class)
                || component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    /**
     * OpenAPI 3.0's nullable, on the property itself. A {@code $ref} takes no siblings, and
     * {@code allOf: [$ref]} with {@code nullable} is read differently by validators (a null fails
     * the {@code allOf}), so a nullable object is described inline, a copy of the referenced one.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property, ModelConverterContext context) {
        if (property.get$ref() != null) {
            String name = property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1);
            Schema referenced = context.getDefinedModels().get(name);
            if (referenced == null) {
                return new ComposedSchema()
                        .allOf(List.of(new Schema<>().$ref(property.get$ref())))
                        .nullable(true);
            }
            Schema copy = new Schema<>()
                    .type("object")
                    .title(name)
                    .description(referenced.getDescription())
                    .properties(referenced.getProperties())
                    .required(referenced.getRequired())
                    .additionalProperties(referenced.getAdditionalProperties());
            copy.setNullable(true);
            return copy;
        }
        property.setNullable(true);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
