package dev.verifier.token.issue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;

/**
 * What goes into an ID token (OIDC Core §2). {@code claims} are the claims released for it (already filtered by the
 * granted scopes at authorize time); {@code alg} is the client's {@code id_token_signed_response_alg} or the default;
 * {@code sid} the SSO session (OIDC Back-Channel Logout §2.1), the same in every ID token of one session.
 */
public record IdTokenRequest(String subject, String clientId, Instant authTime, @Nullable String nonce,
                             @Nullable String acr, List<String> amr, Map<String, Object> claims,
                             String accessToken, @Nullable String alg, @Nullable String sid) {
}
