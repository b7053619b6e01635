package com.callflowrules.api.openapi;

import com.callflowrules.api.Page;
import com.callflowrules.properties.PropertyDefinition;
import com.callflowrules.properties.PropertySchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes {@code properties} from the property schema itself: every key with its meaning, its
 * rule as a pattern and its base value as the example, no key beyond them. Answers use
 * {@code PropertyValues}; request bodies {@code PropertyPatch}, whose values may be {@code null}
 * (a merge patch removes that key). Also bounds {@code limit} and {@code offset}.
 */
public final class PropertySchemas implements OpenApiCustomizer {

    public static final String VALUES = "PropertyValues";
    public static final String PATCH = "PropertyPatch";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(VALUES, properties(false));
        api.getComponents().addSchemas(PATCH, properties(true));
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() != null
                    && schema.getProperties().get("properties") instanceof Schema map
                    && "object".equals(map.getType())
                    && map.getAdditionalProperties() instanceof Schema) {
                boolean request = name.endsWith("Fields");
                schema.getProperties()
                        .put("properties", new Schema<>().$ref("#/components/schemas/" + (request ? PATCH : VALUES)));
            }
        });
        api.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> {
                            if (parameter.getName().equals("limit")) {
                                parameter.getSchema().setMinimum(java.math.BigDecimal.ONE);
                                parameter.getSchema().setMaximum(java.math.BigDecimal.valueOf(Page.MAX_LIMIT));
                            } else if (parameter.getName().equals("offset")) {
                                parameter.getSchema().setMinimum(java.math.BigDecimal.ZERO);
                            }
                        });
                    }
                }));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema properties(boolean patch) {
        Schema object = new Schema<>()
                .type("object")
                .additionalProperties(false)
                .description(
                        patch
                                ? "Property overrides to set; null removes an override (merge patch)."
                                : "Property values by key (domain.md section 4).");
        for (String key : PropertySchema.standard().keys()) {
            PropertyDefinition definition =
                    PropertySchema.standard().definition(key).orElseThrow();
            StringSchema value = new StringSchema();
            value.pattern(definition.type().anchoredPattern())
                    .description(definition.meaning() + ": " + definition.type().rule())
                    .example(definition.baseValue());
            if (patch) {
                value.setNullable(true);
            }
            object.addProperty(key, value);
        }
        return object;
    }
}
