package dev.verifier.shared.clientauth;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One use of a client assertion's {@code jti}, recorded in token-service's single-use store through its internal
 * endpoint {@value #PATH} (bearer token with scope {@value #SCOPE}), so that /par at authorize-service and /token share
 * one store: an assertion used at one of them is a replay at the other (RFC 7523 §3, RFC 9126 §2).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record JtiUse(String clientId, String jti, Instant expiresAt) {

    public static final String PATH = "/internal/jti";
    public static final String SCOPE = "jti.record";

    /** The store's answer: {@code firstUse} is false when this client already used the jti (a replay). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Result(boolean firstUse) {
    }
}
