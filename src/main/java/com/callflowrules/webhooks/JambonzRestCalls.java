package com.callflowrules.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link JambonzCalls} through jambonz's REST API: {@code PUT /v1/Accounts/{account}/Calls/{call}}
 * with {@code {"call_status": "completed"}} or {@code {"conf_mute_status": "mute"}} and the account's API key as a bearer token; jambonz
 * answers 204. jambonz publishes no Java client, so this is the JDK's HTTP client, bounded by a
 * timeout so that a slow platform cannot hold the delivery thread of {@link PlatformUpdates} long.
 */
final class JambonzRestCalls implements JambonzCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI api;
    private final String accountSid;
    private final String apiKey;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    JambonzRestCalls(String apiUrl, String accountSid, String apiKey) {
        this.api = URI.create(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        this.accountSid = accountSid;
        this.apiKey = apiKey;
    }

    @Override
    public void complete(String callSid) {
        update(callSid, "{\"call_status\": \"completed\"}", "ending");
    }

    @Override
    public void mute(String callSid, boolean muted) {
        update(
                callSid,
                "{\"conf_mute_status\": \"" + (muted ? "mute" : "unmute") + "\"}",
                muted ? "muting" : "unmuting");
    }

    private void update(String callSid, String body, String what) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("v1/Accounts/" + accountSid + "/Calls/" + callSid))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("jambonz answered " + response.statusCode() + " to " + what + " call "
                        + callSid + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "jambonz could not be reached for " + what + " call " + callSid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what + " call " + callSid + " on jambonz", e);
        }
    }
}
