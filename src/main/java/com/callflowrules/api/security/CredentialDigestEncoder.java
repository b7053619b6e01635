package com.callflowrules.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks API credentials by SHA-256 digest, compared in constant time. HTTP Basic authenticates
 * every request, and a call router sends thousands a second: a deliberately slow hash (BCrypt,
 * which Spring Security upgrades to by default) cost about 50 ms per request. These credentials
 * are machine secrets from configuration, not people's passwords, so a fast digest is the right
 * trade; choose long random ones.
 */
public final class CredentialDigestEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence raw) {
        return HexFormat.of().formatHex(digest(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (encoded == null) {
            return false;
        }
        return MessageDigest.isEqual(
                digest(raw),
                encoded.getBytes(StandardCharsets.UTF_8).length == 64
                        ? HexFormat.of().parseHex(encoded)
                        : new byte[0]);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return false;
    }

    private static byte[] digest(CharSequence raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
