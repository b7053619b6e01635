package com.callflowrules.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI description lists every operation the controllers serve, and no other. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:openapi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "callflow.timers.enabled=false"})
class OpenApiTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyOperationOfTheControllersIsDescribed() {
        ApiClient.Answer docs = new ApiClient(port, "").get("/v3/api-docs");
        assertThat(docs.status()).as(docs.raw()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");

        List<String> served = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().equals(OpenApiTest.class.getPackageName())) {
                for (String path : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name().toLowerCase(Locale.ROOT) + " " + path));
                }
            }
        });
        List<String> described = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().propertyNames().forEach(m -> described.add(m + " " + path.getKey())));

        assertThat(served).hasSizeGreaterThan(25);
        assertThat(described).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void requestBodiesAreDescribedWithTheFieldsTheControllersAccept() {
        JsonNode docs = new ApiClient(port, "").get("/v3/api-docs").body();
        JsonNode schemas = docs.get("components").get("schemas");
        String ref = docs.get("paths").get("/conference/v2/dids").get("post").get("requestBody").get("content")
                .get("application/json").get("schema").get("$ref").asString();

        JsonNode did = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(did.get("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(RequestSchemas.fields(RequestSchemas.DidFields.class));
        assertThat(schemas.get("Did").get("properties").propertyNames()).contains("did_sid", "did_group_sid", "date_created");
    }
}
