package com.callflowrules.webhooks;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Twilio's request signature, as Twilio computes it: over the full URL the platform called, its
 * query string included, followed by the POST parameters only (never the query's), checked by
 * Twilio's own {@link RequestValidator}. The servlet merges query and body parameters (the
 * query's values first), so the body's are what is left once the query's are taken off.
 */
final class TwilioSignature {

    static final String HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;

    TwilioSignature(String authToken) {
        this.validator = new RequestValidator(authToken);
    }

    boolean valid(HttpServletRequest request) {
        String signature = request.getHeader(HEADER);
        if (signature == null) {
            return false;
        }
        String query = request.getQueryString();
        String url = request.getRequestURL() + (query == null ? "" : "?" + query);
        return validator.validate(url, postParameters(request), signature);
    }

    /** The parameters of the form body: each parameter's values past those of the query string. */
    static Map<String, String> postParameters(HttpServletRequest request) {
        Map<String, Integer> inQuery = new HashMap<>();
        if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                inQuery.merge(name, 1, Integer::sum);
            }
        }
        Map<String, String> body = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            int fromQuery = Math.min(inQuery.getOrDefault(name, 0), values.length);
            if (values.length > fromQuery) {
                body.put(name, values[fromQuery]);
            }
        });
        return body;
    }
}
