package dev.verifier.shared.runtime.security;

import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.jose.VerifiedTokens;
import dev.verifier.shared.security.AccessTokenRules;
import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import jakarta.inject.Singleton;

/**
 * Parses bearer tokens for micronaut-security-jwt, accepting only signed RFC 9068 access tokens: header
 * {@code typ} {@code at+jwt} (or {@code application/at+jwt}). micronaut-security-jwt 4.15 does not look at {@code typ}
 * at all, so without this an ID token ({@code typ: JWT}) signed by the same keys would pass as an access token.
 * Unsigned ({@code alg: none}) and encrypted tokens are refused too. A token whose signature was checked before is
 * answered as then parsed ({@link VerifiedTokens}).
 */
@Singleton
@Replaces(JsonWebTokenParser.class)
@Requires(classes = JsonWebTokenParser.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class AccessTokenParser implements JsonWebTokenParser<JWT> {

    private final VerifiedTokens verified;

    public AccessTokenParser(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    @NonNull
    public Optional<JWT> parse(@NonNull String token) {
        try {
            SignedJWT signed = verified.parse(token); // a token seen before comes back parsed
            if (AccessTokenRules.isAccessTokenType(signed.getHeader().getType())) {
                return Optional.of(signed);
            }
        } catch (ParseException e) {
            // not a JWT: no authentication, answered as invalid_token
        }
        return Optional.empty();
    }

    @Override
    @NonNull
    public Optional<Claims> parseClaims(@NonNull String token) {
        return parse(token).flatMap(jwt -> {
            try {
                return Optional.of(new JwtClaimsSetAdapter(jwt.getJWTClaimsSet()));
            } catch (ParseException e) {
                return Optional.empty();
            }
        });
    }
}
