package com.callflowrules.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.api.JsonNames;
import com.callflowrules.api.calls.CallBodies;
import com.callflowrules.api.configuration.ConfigurationBodies;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI description lists every operation the controllers serve, and no other. */
@ServiceTest
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
            if (method.getBeanType().getPackageName().startsWith("com.callflowrules.api")) {
                for (String path : info.getPatternValues()) {
                    info.getMethodsCondition()
                            .getMethods()
                            .forEach(m -> served.add(m.name().toLowerCase(Locale.ROOT) + " " + path));
                }
            }
        });
        List<String> described = new ArrayList<>();
        paths.properties()
                .forEach(path -> path.getValue().propertyNames().forEach(m -> described.add(m + " " + path.getKey())));

        assertThat(served).hasSizeGreaterThan(25);
        assertThat(described).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void everyConstrainedFieldIsDescribedWithItsConstraintsPatternAnchored() {
        JsonNode schemas = new ApiClient(port, "")
                .get("/v3/api-docs")
                .body()
                .get("components")
                .get("schemas");
        List<String> checked = new ArrayList<>();
        for (Class<?> holder : List.of(CallBodies.class, ConfigurationBodies.class)) {
            for (Class<?> body : holder.getDeclaredClasses()) {
                if (!body.isRecord()) {
                    continue;
                }
                for (java.lang.reflect.RecordComponent component : body.getRecordComponents()) {
                    String pattern = ConstraintPatterns.of(component);
                    if (pattern == null) {
                        continue;
                    }
                    JsonNode property =
                            schemas.get(body.getSimpleName()).get("properties").get(JsonNames.of(component.getName()));
                    assertThat(property.get("pattern").asString())
                            .as(body.getSimpleName() + "." + component.getName())
                            .isEqualTo(pattern)
                            .startsWith("^")
                            .endsWith("$");
                    checked.add(body.getSimpleName() + "." + component.getName());
                }
            }
        }
        // a JSON Schema pattern matches anywhere: only the anchored one refuses a number inside text
        String dialed = schemas.get("CallArrival")
                .get("properties")
                .get("number_dst")
                .get("pattern")
                .asString();
        assertThat(java.util.regex.Pattern.compile(dialed)
                        .matcher("call +15550001000 now")
                        .find())
                .isFalse();
        assertThat(java.util.regex.Pattern.compile(dialed)
                        .matcher("+15550001000")
                        .find())
                .isTrue();
        assertThat(checked)
                .contains("MeetingChanges.onHold", "MeetingChanges.participantMuted", "DidFields.phonenumber");
    }

    @Test
    void requestBodiesAreDescribedWithTheFieldsTheControllersAccept() {
        JsonNode docs = new ApiClient(port, "").get("/v3/api-docs").body();
        JsonNode schemas = docs.get("components").get("schemas");
        String ref = docs.get("paths")
                .get("/conference/v2/dids")
                .get("post")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("schema")
                .get("$ref")
                .asString();

        JsonNode did = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(did.get("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        java.util.Arrays.stream(ConfigurationBodies.DidFields.class.getRecordComponents())
                                .map(c -> JsonNames.of(c.getName()))
                                .toList());
        assertThat(schemas.get("Did").get("properties").propertyNames())
                .contains("did_sid", "did_group_sid", "date_created");
    }

    @Test
    void everyOperationHasAStableIdASummaryATagJsonMediaAndItsErrorsWithTheOneErrorSchema() {
        JsonNode docs = new ApiClient(port, "").get("/v3/api-docs").body();
        List<String> ids = new ArrayList<>();
        docs.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    String where = entry.getKey() + " " + path.getKey();
                    JsonNode operation = entry.getValue();
                    ids.add(operation.get("operationId").asString());
                    assertThat(operation.get("operationId").asString())
                            .as(where)
                            .matches("[a-z][A-Za-z]+");
                    assertThat(operation.path("summary").asString("")).as(where).isNotBlank();
                    assertThat(operation.path("description").asString(""))
                            .as(where)
                            .isNotBlank();
                    assertThat(operation.get("tags")).as(where).hasSize(1);
                    assertThat(operation.get("responses").propertyNames())
                            .as(where)
                            .contains("401");
                    operation.get("responses").properties().forEach(response -> {
                        JsonNode content = response.getValue().get("content");
                        if (content != null) {
                            assertThat(content.propertyNames())
                                    .as(where + " " + response.getKey())
                                    .containsExactly("application/json");
                        }
                        if (response.getKey().startsWith("4")) {
                            assertThat(content.get("application/json")
                                            .get("schema")
                                            .get("$ref")
                                            .asString())
                                    .as(where + " " + response.getKey())
                                    .isEqualTo("#/components/schemas/ApiError");
                        }
                    });
                    if (operation.has("requestBody")) {
                        assertThat(operation.get("responses").propertyNames())
                                .as(where)
                                .contains("400", "415", "422");
                    }
                    if (path.getKey().contains("{sid}")) {
                        assertThat(operation.get("responses").propertyNames())
                                .as(where)
                                .contains("404");
                    }
                }));

        assertThat(ids)
                .doesNotHaveDuplicates()
                .contains("createAccount", "enterAccessCode", "arriveCall", "decideWhatIf");
        assertThat(docs.get("openapi").asString()).startsWith("3.0");
    }

    @Test
    void answerSchemasAreClosedRequireEveryFieldAndSayWhichMayBeNull() {
        JsonNode schemas = new ApiClient(port, "")
                .get("/v3/api-docs")
                .body()
                .get("components")
                .get("schemas");
        JsonNode call = schemas.get("Call");

        assertThat(call.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(call.get("required").valueStream().map(JsonNode::asString).toList())
                .contains("call_sid", "state", "role", "meeting_sid")
                .doesNotContain("wait_deadline");
        assertThat(call.get("properties").get("role").get("nullable").asBoolean())
                .isTrue();
        assertThat(call.get("properties").get("call_sid").path("nullable").asBoolean(false))
                .isFalse();
        assertThat(schemas.get("ApiError").get("properties").propertyNames())
                .contains("status", "error", "message", "errors");
        // every value a body can carry shows an example (objects and lists are made of such values),
        // and the example is one its own schema accepts
        schemas.properties()
                .forEach(schema -> schema.getValue()
                        .path("properties")
                        .properties()
                        .forEach(p -> {
                            JsonNode property = p.getValue();
                            boolean composite = property.has("$ref")
                                    || property.has("allOf")
                                    || List.of("object", "array")
                                            .contains(property.path("type").asString(""));
                            assertThat(composite || property.has("example"))
                                    .as(schema.getKey() + "." + p.getKey() + " has an example")
                                    .isTrue();
                            if (property.has("example")
                                    && property.get("example").isString()) {
                                String where = schema.getKey() + "." + p.getKey() + " example";
                                String example = property.get("example").asString();
                                if (property.has("pattern")) {
                                    assertThat(example)
                                            .as(where)
                                            .matches(property.get("pattern").asString());
                                }
                                if (property.has("enum")) {
                                    assertThat(property.get("enum")
                                                    .valueStream()
                                                    .map(JsonNode::asString))
                                            .as(where)
                                            .contains(example);
                                }
                                assertThat(example.length())
                                        .as(where)
                                        .isBetween(
                                                property.path("minLength").asInt(0),
                                                property.path("maxLength").asInt(Integer.MAX_VALUE));
                            }
                        }));
        JsonNode audit = schemas.get("AuditEntry").get("properties").get("decision");
        assertThat(audit.toString()).doesNotContain("JsonNode");
    }
}
