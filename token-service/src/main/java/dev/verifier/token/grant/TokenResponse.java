package dev.verifier.token.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** RFC 6749 §5.1 successful token response (with the OIDC {@code id_token}). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, String tokenType, long expiresIn, @Nullable String refreshToken,
                            @Nullable String idToken, String scope) {

    public static TokenResponse bearer(String accessToken, long expiresIn, @Nullable String refreshToken,
                                       @Nullable String idToken, String scope) {
        return new TokenResponse(accessToken, "Bearer", expiresIn, refreshToken, idToken, scope);
    }
}
