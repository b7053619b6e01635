package com.callflowrules.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialDigestEncoderTest {

    private final CredentialDigestEncoder encoder = new CredentialDigestEncoder();

    @Test
    void matchesOnlyTheRightSecretAndNeverStoresIt() {
        String stored = encoder.encode("s3cret-api-key");

        assertThat(stored).hasSize(64).doesNotContain("s3cret");
        assertThat(encoder.matches("s3cret-api-key", stored)).isTrue();
        assertThat(encoder.matches("s3cret-api-kez", stored)).isFalse();
        assertThat(encoder.matches("s3cret-api-key", "not a digest")).isFalse();
        assertThat(encoder.matches("s3cret-api-key", null)).isFalse();
        assertThat(encoder.upgradeEncoding(stored))
                .as("never re-encoded to a slow hash")
                .isFalse();
    }
}
