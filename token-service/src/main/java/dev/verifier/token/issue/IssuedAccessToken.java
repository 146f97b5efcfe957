package dev.verifier.token.issue;

import java.time.Instant;

public record IssuedAccessToken(String token, String jti, Instant expiresAt, long expiresIn) {
}
