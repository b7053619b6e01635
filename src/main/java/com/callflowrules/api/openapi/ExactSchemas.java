package com.callflowrules.api.openapi;

import com.callflowrules.api.requests.RequestRecords;
import com.callflowrules.api.requests.StoredText;
import com.callflowrules.description.Example;
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
            StoredText text = component.getAnnotation(StoredText.class);
            if (text != null && "string".equals(property.getType())) {
                property.setMinLength(1);
                property.setMaxLength(text.max());
            }
            if (property.get$ref() == null
                    && (property.getExample() == null || component.isAnnotationPresent(Example.class))) {
                Object example = example(component, name, property);
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
     * The component's {@link Example}, else the one its type implies: an enum's first constant,
     * {@code false}, {@code 1}, a time, and for a sid (every {@code *_sid} is a UUID) a UUID. A
     * string that is none of these has no example, and the description's test names it.
     */
    @SuppressWarnings("rawtypes")
    private static @Nullable Object example(RecordComponent component, String name, Schema property) {
        Example declared = component.getAnnotation(Example.class);
        String type = property.getType();
        if (declared != null) {
            return "integer".equals(type) ? (Object) Integer.valueOf(declared.value()) : declared.value();
        }
        if (property.getEnum() != null && !property.getEnum().isEmpty()) {
            return property.getEnum().get(0);
        }
        if ("boolean".equals(type)) {
            return Boolean.FALSE;
        }
        if ("integer".equals(type)) {
            return 1;
        }
        if ("string".equals(type) && "date-time".equals(property.getFormat())) {
            return "2026-12-01T09:00:00Z";
        }
        if ("string".equals(type) && (name.endsWith("_sid") || name.equals("sid"))) {
            return "7d444840-9dc0-11d1-b245-5ffdce74fad2";
        }
        return null;
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
