package com.callflowrules.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * jambonz's {@code Jambonz-Signature} header, as jambonz makes it and its own Node SDK checks it
 * ({@code WebhookResponse.verifyJambonzSignature} in {@code @jambonz/node-client}):
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the webhook secret>},
 * refused when older than five minutes (a replay) or made with another secret (a forgery).
 */
final class JambonzSignature {

    static final String HEADER = "Jambonz-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;

    JambonzSignature(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Why the request is refused, or null when it is signed with the secret, recently. */
    String refusal(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return "the request is not signed by jambonz (" + HEADER + ")";
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            String[] pair = item.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = seconds(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return HEADER + " has no timestamp (t=) or no v1 signature";
        }
        byte[] expected = hmac(timestamp + ".", body);
        boolean matches = signatures.stream()
                .anyMatch(signature -> MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII)));
        if (!matches) {
            return HEADER + " does not match the request (not made with the webhook secret)";
        }
        if (clock.instant().getEpochSecond() - timestamp > TOLERANCE.toSeconds()) {
            return HEADER + " is older than " + TOLERANCE.toMinutes() + " minutes: a replayed request";
        }
        return null;
    }

    private static Long seconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The signature's hex digits, as bytes to compare in constant time. */
    private byte[] hmac(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
