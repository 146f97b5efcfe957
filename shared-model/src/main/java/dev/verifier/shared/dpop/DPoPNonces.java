package dev.verifier.shared.dpop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;

/**
 * Server nonces (RFC 9449 §8, §9) that any copy of any service holding the same secret can check without shared
 * state: a nonce is the number of its time window and an HMAC-SHA256 of it, {@code base64url(window ‖ mac[0..16])}.
 * A nonce of the current or the previous window is accepted, so it lives between one and two lifetimes.
 */
public final class DPoPNonces {

    private static final int MIN_SECRET_LENGTH = 32;
    private static final int MAC_BYTES = 16;

    private final boolean required;
    private final @Nullable SecretKeySpec key;
    private final long windowSeconds;

    private DPoPNonces(boolean required, @Nullable SecretKeySpec key, long windowSeconds) {
        this.required = required;
        this.key = key;
        this.windowSeconds = windowSeconds;
    }

    /** From configuration; a required nonce without a secret of at least 32 characters stops the service. */
    public static DPoPNonces from(DPoPConfiguration config) {
        Duration lifetime = config.nonceLifetime() == null ? Duration.ofMinutes(5) : config.nonceLifetime();
        if (lifetime.toSeconds() < 1) {
            throw new ConfigurationException(DPoPConfiguration.PREFIX + ".nonce-lifetime must be at least 1s");
        }
        if (!config.nonceRequired()) {
            return new DPoPNonces(false, null, lifetime.toSeconds());
        }
        String secret = config.nonceSecret();
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new ConfigurationException(DPoPConfiguration.PREFIX + ".nonce-required is true: set "
                    + DPoPConfiguration.PREFIX + ".nonce-secret (VERIFIER_DPOP_NONCE_SECRET) to a secret of at least "
                    + MIN_SECRET_LENGTH + " characters, the same in every service");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return new DPoPNonces(true, new SecretKeySpec(bytes, "HmacSHA256"), lifetime.toSeconds());
    }

    public boolean required() {
        return required;
    }

    /** The nonce to hand out now (empty string when nonces are off). */
    public String current(Instant now) {
        if (!required) {
            return "";
        }
        long window = now.getEpochSecond() / windowSeconds;
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + MAC_BYTES).putLong(window).put(mac(window));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** Whether {@code nonce} was handed out by a copy with this secret in the current or the previous window. */
    public boolean isValid(@Nullable String nonce, Instant now) {
        if (!required || nonce == null || nonce.length() > 64) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length != Long.BYTES + MAC_BYTES) {
            return false;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long window = buffer.getLong();
        byte[] mac = new byte[MAC_BYTES];
        buffer.get(mac);
        long current = now.getEpochSecond() / windowSeconds;
        return (window == current || window == current - 1) && MessageDigest.isEqual(mac, mac(window));
    }

    private byte[] mac(long window) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            byte[] full = hmac.doFinal(("dpop-nonce|" + window).getBytes(StandardCharsets.US_ASCII));
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
