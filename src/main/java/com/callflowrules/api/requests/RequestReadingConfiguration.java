package com.callflowrules.api.requests;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * How requests are read: JSON strictly (a key given twice in one object is refused, not
 * silently resolved to its last value), and query parameters an operation does not take are
 * refused ({@link QueryParameterCheck}).
 */
@Configuration(proxyBeanMethods = false)
public class RequestReadingConfiguration implements WebMvcConfigurer {

    /**
     * The API speaks JSON only: the XML converters that libraries on the class path bring
     * (Jackson 2's XML module comes with Twilio's helper library) are taken out, so that
     * {@code Accept: application/xml} cannot turn an answer into XML outside the contract.
     * The TwiML webhooks write their XML as text.
     */
    @Override
    public void configureMessageConverters(
            org.springframework.http.converter.HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(
                converter -> !(converter instanceof org.springframework.http.converter.StringHttpMessageConverter)
                        && converter.getSupportedMediaTypes().stream()
                                .anyMatch(type -> type.getSubtype().contains("xml"))));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new QueryParameterCheck());
    }

    /** Tomcat's own error answers in the product's JSON form (see {@link JsonErrorReportValve}). */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonServerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /**
     * Request bodies bound to records are read strictly: an unknown field is refused rather than
     * dropped, and a value of the wrong JSON type is refused rather than converted ({@code 15550001000}
     * for a string, {@code "yes"} or {@code 1} for a boolean).
     */
    @Bean
    public JsonMapperBuilderCustomizer strictRequests() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        bool -> bool.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }
}
