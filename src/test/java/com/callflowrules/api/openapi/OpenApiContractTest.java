package com.callflowrules.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.callflowrules.support.ServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service accepts and answers is what {@code /v3/api-docs} says: a full call story and
 * every kind of error, sent over HTTP to the running service, each request and answer checked
 * against the served description by Atlassian's swagger-request-validator.
 */
@ServiceTest
class OpenApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUTH =
            "Basic " + Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));
    private static final String BASE = "/conference/v2";
    /** The Redocly CLI version the lint runs (tested on this kind of machine). */
    private static final String REDOCLY = "2.77.0";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private OpenApiInteractionValidator validator;
    private final List<String> violations = new ArrayList<>();

    /** One exchange as sent and answered. */
    private record Exchange(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String text(String... path) {
            JsonNode node = json();
            for (String field : path) {
                node = node.get(field);
            }
            return node.asString();
        }
    }

    /** The user requests are sent as: {@code dev}, who has every role, unless a test says otherwise. */
    private String credentials = AUTH;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void fetchTheDescription() {
        Exchange docs = send("GET", "/v3/api-docs", null, null, true);
        assertThat(docs.status()).isEqualTo(200);
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(docs.body())
                .build();
    }

    private Exchange send(String method, String path, String body, String contentType, boolean authorized) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (authorized) {
            request.header("Authorization", credentials);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends and checks the request and its answer against the description, and that the service
     * answered {@code status}; violations are collected.
     */
    private Exchange checked(int status, String method, String path, String body) {
        Exchange answer = checked(method, path, body, "application/json", true);
        if (answer.status() != status) {
            violations.add(
                    method + " " + path + " answered " + answer.status() + ", not " + status + ": " + answer.body());
        }
        return answer;
    }

    private Exchange checked(String method, String path, String body, String contentType, boolean authorized) {
        return checked(method, path, body, contentType, authorized, true);
    }

    /** A request the service must refuse: only its answer is checked against the description. */
    private Exchange refused(String method, String path, String body, String contentType, boolean authorized) {
        return checked(method, path, body, contentType, authorized, false);
    }

    private Exchange checked(
            String method, String path, String body, String contentType, boolean authorized, boolean checkRequest) {
        Exchange answer = send(method, BASE + path, body, body == null ? null : contentType, authorized);
        String[] pathAndQuery = path.split("\\?", 2);
        SimpleRequest.Builder request = new SimpleRequest.Builder(
                        Request.Method.valueOf(method), BASE + pathAndQuery[0])
                .withAccept("application/json");
        if (pathAndQuery.length == 2) {
            for (String parameter : pathAndQuery[1].split("&")) {
                String[] nameAndValue = parameter.split("=", 2);
                request.withQueryParam(nameAndValue[0], nameAndValue.length == 2 ? nameAndValue[1] : "");
            }
        }
        if (authorized) {
            request.withAuthorization(credentials);
        }
        if (body != null) {
            request.withBody(body).withContentType(contentType);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        if (answer.contentType() != null) {
            response.withContentType(answer.contentType());
        }
        if (answer.body() != null && !answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        ValidationReport report = checkRequest
                ? validator.validate(request.build(), response.build())
                : validator.validateResponse(BASE + pathAndQuery[0], Request.Method.valueOf(method), response.build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                violations.add(method + " " + path + " -> " + answer.status() + ": " + message.getKey() + ": "
                        + message.getMessage());
            }
        }
        return answer;
    }

    @Test
    void aWholeCallStoryMatchesTheDescription() {
        String account = checked(201, "POST", "/accounts", """
                {"name": "Acme", "call_flow_sid": "secured", "properties": {"did_language": "en_GB"}}""").text("account_sid");
        String group =
                checked(201, "POST", "/did_groups", """
                {"account_sid": "%s", "name": "Sales", "properties": {}}""".formatted(account)).text("did_group_sid");
        String did =
                checked(201, "POST", "/dids", """
                {"account_sid": "%s", "phonenumber": "15550001000", "did_group_sid": "%s"}""".formatted(account, group)).text("did_sid");
        String room = checked(201, "POST", "/meeting_rooms", """
                {"account_sid": "%s", "name": "Weekly", "did_group_sid": "%s",
                 "access_codes": [{"access_code": "1234", "role": "host"}, {"access_code": "5678", "role": "participant"}]}""".formatted(account, group))
                .text("meeting_room_sid");
        checked(200, "GET", "/accounts/" + account, null);
        checked(200, "GET", "/accounts?limit=10&offset=0", null);
        checked(200, "PATCH", "/accounts/" + account, """
                {"properties": {"did_language": null, "conference_entrytones_enabled": "off"}}""");
        checked(200, "PUT", "/did_groups/" + group, """
                {"name": "Sales", "call_flow_sid": null, "properties": {}}""");
        checked(200, "GET", "/dids/" + did, null);
        checked(200, "GET", "/meeting_rooms/" + room, null);
        checked(200, "GET", "/call_flows", null);
        checked(200, "GET", "/call_flows/secured", null);
        checked(200, "GET", "/rules", null);

        Exchange whatIf = checked(200, "POST", "/decisions", """
                {"number_dst": "15550001000", "number_src": "15559990000", "access_code": "1234"}""");
        assertThat(whatIf.status()).isEqualTo(200);

        Exchange host = checked(201, "POST", "/calls", """
                {"number_dst": "15550001000", "number_src": "15559990000"}""");
        String hostSid = host.text("call", "call_sid");
        checked(200, "POST", "/calls/" + hostSid + "/access_code", """
                {"access_code": "0000"}""");
        Exchange joined = checked(200, "POST", "/calls/" + hostSid + "/access_code", """
                {"access_code": "1234"}""");
        assertThat(joined.text("decision", "action")).isEqualTo("JOIN");
        checked(200, "POST", "/calls/" + hostSid + "/dtmf", """
                {"digits": "*7"}""");
        checked(200, "POST", "/calls/" + hostSid + "/dtmf", """
                {"digits": "#0"}""");
        String meeting = joined.text("call", "meeting_sid");
        checked(200, "GET", "/meetings/" + meeting, null);
        checked(200, "GET", "/meetings", null);
        checked(200, "PATCH", "/meetings/" + meeting, """
                {"locked": false}""");
        checked(200, "PATCH", "/calls/" + hostSid, """
                {"muted": true}""");
        checked(200, "GET", "/calls", null);
        checked(200, "GET", "/calls/" + hostSid, null);
        checked(200, "DELETE", "/calls/" + hostSid, null);
        checked(200, "GET", "/calls/" + hostSid + "/decisions", null);

        Exchange unknown = checked(201, "POST", "/calls", """
                {"number_dst": "15550009999", "number_src": "15559990000"}""");
        assertThat(unknown.text("decision", "action")).isEqualTo("DROP");
        checked(204, "DELETE", "/meeting_rooms/" + room, null);

        assertThat(violations).isEmpty();
    }

    @Test
    void theDescriptionRefusesWhatTheServiceRefuses() {
        SimpleRequest wrongValue = new SimpleRequest.Builder(Request.Method.POST, BASE + "/accounts")
                .withAuthorization(AUTH)
                .withContentType("application/json")
                .withBody("""
                        {"name": "Acme", "properties": {"conference_start_wait": "86401"}}""")
                .build();
        SimpleRequest unknownKey = new SimpleRequest.Builder(Request.Method.POST, BASE + "/accounts")
                .withAuthorization(AUTH)
                .withContentType("application/json")
                .withBody("""
                        {"name": "Acme", "properties": {"conference_colour": "blue"}}""")
                .build();
        SimpleRequest unknownField = new SimpleRequest.Builder(Request.Method.POST, BASE + "/dids")
                .withAuthorization(AUTH)
                .withContentType("application/json")
                .withBody("""
                        {"account_sid": "a", "phonenumber": "15550001000", "colour": "blue"}""")
                .build();
        SimpleRequest badNumber = new SimpleRequest.Builder(Request.Method.POST, BASE + "/dids")
                .withAuthorization(AUTH)
                .withContentType("application/json")
                .withBody("""
                        {"account_sid": "a", "phonenumber": "+1555"}""")
                .build();

        for (SimpleRequest request : List.of(wrongValue, unknownKey, unknownField, badNumber)) {
            assertThat(validator.validateRequest(request).hasErrors())
                    .as(request.getRequestBody().toString())
                    .isTrue();
        }
    }

    @Test
    void everyKindOfErrorMatchesTheDescription() {
        Exchange malformed = refused("POST", "/accounts", "{\"name\": ", "application/json", true);
        Exchange unauthorized = refused("GET", "/accounts", null, null, false);
        Exchange notFound = checked(404, "GET", "/accounts/no-such-account", null);
        Exchange wrongType = refused("POST", "/accounts", "name: Acme", "text/plain", true);
        // the description's pattern refuses this value too: only the answer is checked
        Exchange invalid = refused("POST", "/accounts", """
                {"name": "Acme", "properties": {"conference_start_wait": "soon"}}""", "application/json", true);
        String account = checked(201, "POST", "/accounts", """
                {"name": "Acme"}""").text("account_sid");
        checked(201, "POST", "/dids", """
                {"account_sid": "%s", "phonenumber": "15550002000", "call_flow_sid": "secured"}""".formatted(account));
        String call = checked(201, "POST", "/calls", """
                {"number_dst": "15550002000", "number_src": "15559990000"}""").text("call", "call_sid");
        Exchange conflict = checked(409, "POST", "/calls/" + call + "/dtmf", """
                {"digits": "*6"}""");
        Exchange badLimit = refused("GET", "/calls?limit=0", null, null, true);

        assertThat(List.of(
                        malformed.status(),
                        unauthorized.status(),
                        notFound.status(),
                        wrongType.status(),
                        invalid.status(),
                        conflict.status(),
                        badLimit.status()))
                .containsExactly(400, 401, 404, 415, 422, 409, 400);
        assertThat(violations).isEmpty();
    }

    /** The answers a write gives by the role it needs or the release it names are described too. */
    @Test
    void roleAndReleaseRefusalsMatchTheDescription() {
        Exchange missingRelease = checked(404, "POST", "/rule_releases/000000000000/approve", null);
        Exchange missingFile = checked(409, "POST", "/rule_releases", """
                {"message": "deletes a file that is not there", "files": {"no/such-file.drl": null}}""");
        credentials = basic("analyst", "analyst-password");
        Exchange forbidden = checked(403, "POST", "/accounts", """
                {"name": "Acme"}""");
        Exchange notApprover = checked(403, "POST", "/rule_releases/000000000000/approve", null);

        assertThat(List.of(missingRelease.status(), missingFile.status(), forbidden.status(), notApprover.status()))
                .containsExactly(404, 409, 403, 403);
        assertThat(violations).isEmpty();
    }

    /**
     * Redocly's recommended rules, run by Redocly's own CLI from the npm registry (npx; Node and
     * npm are the only tools from outside Maven the build needs, and .ci/run installs them when
     * a machine lacks them): no error.
     */
    @Test
    void redoclysRecommendedLintFindsNoError(@TempDir Path dir) throws Exception {
        Path description = dir.resolve("openapi.json");
        Files.writeString(
                description, send("GET", "/v3/api-docs", null, null, true).body());
        Process lint;
        try {
            lint = new ProcessBuilder(
                            "npx", "--yes", "@redocly/cli@" + REDOCLY, "lint", "--format=json", description.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "npx (Node and npm) is needed to lint the API description; .ci/run installs it", e);
        }
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, java.util.concurrent.TimeUnit.MINUTES))
                .as("redocly finished")
                .isTrue();
        JsonNode result = JSON.readTree(report.substring(report.indexOf('{')));
        List<String> errors = result.get("problems")
                .valueStream()
                .filter(problem -> "error".equals(problem.get("severity").asString()))
                .map(problem -> problem.get("ruleId").asString() + ": "
                        + problem.get("message").asString())
                .toList();

        assertThat(errors).isEmpty();
        assertThat(result.get("totals").get("errors").asInt()).isZero();
    }

    /** The API speaks JSON only: a client asking for XML gets no XML (the contract is JSON). */
    @Test
    void noAnswerIsEverXml() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + "/accounts"))
                        .header("Authorization", AUTH)
                        .header("Accept", "application/xml")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(406);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).doesNotContain("xml");
    }
}
