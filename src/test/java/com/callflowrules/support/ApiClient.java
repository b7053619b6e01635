package com.callflowrules.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the service under test, authenticated as the development user. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String auth;

    public ApiClient(int port) {
        this(port, "/conference/v2");
    }

    /** A client for paths under {@code basePath} ("" for the server's root). */
    public ApiClient(int port, String basePath) {
        this(port, basePath, "dev", "dev-password");
    }

    private ApiClient(int port, String basePath, String user, String password) {
        this.base = "http://localhost:" + port + basePath;
        this.auth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A client of the same service authenticated as {@code user}. */
    public static ApiClient as(int port, String user, String password) {
        return new ApiClient(port, "/conference/v2", user, password);
    }

    /** One answer: status and parsed JSON body (null when empty). */
    public record Answer(int status, JsonNode body, String raw) {
        public String text(String field) {
            return body.get(field).isNull() ? null : body.get(field).asString();
        }
    }

    public Answer get(String path) {
        return send("GET", path, null, "application/json");
    }

    public Answer post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Answer patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Answer put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    public Answer send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", auth)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            boolean json = response.headers()
                    .firstValue("Content-Type")
                    .map(type -> type.contains("json"))
                    .orElse(true);
            return new Answer(
                    response.statusCode(), raw == null || raw.isBlank() || !json ? null : JSON.readTree(raw), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
