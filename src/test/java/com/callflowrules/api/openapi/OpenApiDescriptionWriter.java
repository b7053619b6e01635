package com.callflowrules.api.openapi;

import com.callflowrules.CallflowRulesApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Writes the OpenAPI description the service serves to the file its one argument names. The
 * build runs it before the consumer builds (pom.xml, {@code pre-integration-test}), so the
 * generated client is made from what this build's service says, not from a file a test left.
 */
public final class OpenApiDescriptionWriter {

    private OpenApiDescriptionWriter() {}

    /** Starts the service on a free port with an in-memory store, fetches the description, stops. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OpenApiDescriptionWriter <file to write>");
        }
        Path file = Path.of(args[0]);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CallflowRulesApplication.class)
                .run(
                        // arguments, so they win over the service's embedded defaults
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:openapi-description;MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--callflow.timers.enabled=false",
                        "--callflow.rules.watch=false")) {
            String port = service.getEnvironment().getRequiredProperty("local.server.port");
            String credentials =
                    Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                    .header("Authorization", "Basic " + credentials)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("\"openapi\"")) {
                throw new IllegalStateException(
                        "/v3/api-docs answered " + answer.statusCode() + ", not an OpenAPI description");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, answer.body());
        }
    }
}
