package com.callflowrules.cli;

import com.callflowrules.scenario.ReleaseSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's release API ({@code /conference/v2/rule_releases}) as a command line needs it:
 * read a release with its files, write them to a directory, make a draft. HTTP Basic as a
 * configured user. An answer that is not 2xx becomes a {@link CommandException} with the
 * service's own message.
 */
public final class ReleaseApiClient implements ReleaseSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI api;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code service}: the service's root URL, such as {@code http://localhost:8080}. */
    public ReleaseApiClient(String service, String user, String password) {
        String root = service.endsWith("/") ? service.substring(0, service.length() - 1) : service;
        try {
            this.api = URI.create(root + "/conference/v2/");
        } catch (IllegalArgumentException e) {
            throw new CommandException("not a service URL: " + service);
        }
        if (!"http".equals(api.getScheme()) && !"https".equals(api.getScheme())) {
            throw new CommandException("not an http(s) service URL: " + service);
        }
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The version every node is told to run. */
    public String published() {
        JsonNode rules = send(get("rules"));
        JsonNode published = rules.path("published");
        if (!published.isString()) {
            throw new CommandException("the service has no published release");
        }
        return published.asString();
    }

    /** A release's files, by path relative to the rule base. */
    public Map<String, String> files(String version) {
        JsonNode release = send(get("rule_releases/" + checkedVersion(version)));
        Map<String, String> files = new TreeMap<>();
        release.path("files")
                .properties()
                .forEach(file -> files.put(file.getKey(), file.getValue().asString()));
        return files;
    }

    /** Makes a draft; the service's answer (version, state, messages, scenarios). */
    public JsonNode draft(String base, String message, Map<String, String> files) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("base", base);
        body.put("message", message);
        body.put("files", files);
        return send(HttpRequest.newBuilder(api.resolve("rule_releases"))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    @Override
    public Path fetch(String version, Path directory) {
        ReleaseDirectory.write(files(version), directory);
        return directory;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(api.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandException("cannot reach the service at " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted waiting for " + request.uri());
        }
        JsonNode body;
        try {
            body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new CommandException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " with a body that is not JSON");
        }
        if (response.statusCode() / 100 != 2) {
            throw new CommandException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + body.path("message").asString(response.body()));
        }
        return body;
    }

    private static String checkedVersion(String version) {
        if (!version.matches("[0-9a-f]{12}")) {
            throw new CommandException("not a release version (12 hex digits): " + version);
        }
        return version;
    }
}
