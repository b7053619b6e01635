package com.callflowrules.api.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, generated from the controllers. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /**
     * springdoc describes models through swagger-core's own (Jackson 2) mapper, which does not see
     * the service's snake_case naming; this one does, so the description matches the wire.
     */
    @Bean
    public ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /** Required, nullable and closed schemas, from the records themselves (see {@link ExactSchemas}). */
    @Bean
    public ExactSchemas exactSchemas() {
        return new ExactSchemas();
    }

    @Bean
    public OperationDescriptions operationDescriptions() {
        return new OperationDescriptions();
    }

    @Bean
    public PropertySchemas propertySchemas() {
        return new PropertySchemas();
    }

    /** The error body every documented error answer refers to. */
    @Bean
    public org.springdoc.core.customizers.OpenApiCustomizer errorSchema() {
        return api -> OperationDescriptions.errorSchemas().forEach(api.getComponents()::addSchemas);
    }

    @Bean
    public OpenAPI callflowRulesApi() {
        return new OpenAPI()
                // relative: the description is right wherever the service is reached from
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server()
                        .url("/")
                        .description("the service that serves this description")))
                .info(new Info()
                        .title("callflow-rules: Conference v2 API")
                        .version("v2")
                        .description("Configuration hierarchy, call control and rules administration. "
                                + "Errors: {status, error, message, errors[{field, message}]}."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
