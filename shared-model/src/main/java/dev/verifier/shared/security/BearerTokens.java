package dev.verifier.shared.security;

import java.util.Optional;

import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import io.micronaut.core.annotation.Nullable;

/**
 * The bearer token of a request and the RFC 6750 §3 answers when it does not do, the same at every Verifier API that
 * takes access tokens (resource servers, admin APIs, token-service's internal APIs). Rendered by
 * {@link dev.verifier.shared.error.OAuthErrorResponses}: no token at all is 401 with a bare {@code Bearer} challenge
 * (§3.1: no error code without credentials); an invalid one 401 {@code invalid_token}; a valid one without the scope
 * 403 {@code insufficient_scope}, each challenge carrying its error.
 */
public final class BearerTokens {

    private static final String BEARER = "Bearer ";
    private static final String DPOP = "DPoP ";

    private BearerTokens() {
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive); empty otherwise. */
    public static Optional<String> of(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /**
     * The access token of an {@code Authorization: DPoP <token>} header (RFC 9449 §7.1, scheme case-insensitive);
     * empty otherwise.
     */
    public static Optional<String> ofDpop(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, DPOP, 0, DPOP.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(DPOP.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The access token of the header under either scheme, {@code Bearer} or {@code DPoP}. */
    public static Optional<String> ofEitherScheme(@Nullable String authorization) {
        return of(authorization).or(() -> ofDpop(authorization));
    }

    /** A token bound to a DPoP key ({@code cnf.jkt}) presented as a bearer token (RFC 9449 §7.2). */
    public static OAuthException boundTokenAsBearer() {
        return OAuthError.INVALID_DPOP_TOKEN.exception(
                "the access token is bound to a DPoP key: present it with the DPoP scheme and a proof");
    }

    /** A token under the DPoP scheme that is not bound to the key of the proof (or to any key). */
    public static OAuthException notBoundToTheProofKey() {
        return OAuthError.INVALID_DPOP_TOKEN.exception(
                "the access token is not bound to the key of the DPoP proof");
    }

    public static OAuthException missing() {
        return OAuthError.BEARER_TOKEN_MISSING.exception("a bearer access token is required");
    }

    public static OAuthException invalid() {
        return OAuthError.INVALID_TOKEN.exception(
                "the access token is invalid, expired, or not issued for this resource server");
    }

    /** A token whose {@code aud} does not hold this resource server's identifier (a token for another API). */
    public static OAuthException forAnotherAudience(String audience) {
        return OAuthError.INVALID_TOKEN.exception("the access token is not for this resource server: its aud does "
                + "not hold " + audience);
    }

    public static OAuthException insufficientScope() {
        return OAuthError.INSUFFICIENT_SCOPE.exception("the access token lacks the scope this resource requires");
    }
}
