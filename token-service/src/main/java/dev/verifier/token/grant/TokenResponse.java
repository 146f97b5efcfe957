package dev.verifier.token.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * RFC 6749 §5.1 successful token response (with the OIDC {@code id_token}); {@code token_type} is {@code DPoP} when
 * the access token is bound to a DPoP key (RFC 9449 §5), else {@code Bearer}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, String tokenType, long expiresIn, @Nullable String refreshToken,
                            @Nullable String idToken, String scope) {

    public static TokenResponse bearer(String accessToken, long expiresIn, @Nullable String refreshToken,
                                       @Nullable String idToken, String scope) {
        return new TokenResponse(accessToken, "Bearer", expiresIn, refreshToken, idToken, scope);
    }

    /** {@code DPoP} when {@code jkt} (the key the access token is bound to) is set, else {@code Bearer}. */
    public static TokenResponse of(String accessToken, @Nullable String jkt, long expiresIn,
                                   @Nullable String refreshToken, @Nullable String idToken, String scope) {
        return new TokenResponse(accessToken, jkt != null ? "DPoP" : "Bearer", expiresIn, refreshToken, idToken, scope);
    }
}
