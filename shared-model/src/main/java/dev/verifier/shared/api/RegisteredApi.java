package dev.verifier.shared.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * An API (a resource server) registered in client-registry, as {@code GET /apis} and {@code GET /apis/{id}} answer it
 * to admins ({@code registry.admin}) and to the other services ({@code registry.read}). {@code identifier} is the
 * absolute URI that access tokens for this API carry in {@code aud} (RFC 8707 resource indicator); each scope value
 * belongs to exactly one API.
 *
 * @param accessTokenLifetime seconds; null: token-service's default access-token lifetime
 * @param allowClientCredentials whether a client may get a token for this API with {@code client_credentials}
 * @param allowUserTokens whether a token issued to a user (code or refresh grant) may be for this API
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RegisteredApi(
        String id,
        String identifier,
        String name,
        @Nullable List<Scope> scopes,
        @Nullable Integer accessTokenLifetime,
        boolean allowClientCredentials,
        boolean allowUserTokens,
        Instant createdAt,
        Instant updatedAt) {

    /** A scope of the API: its value (an RFC 6749 scope-token) and the words shown to users for it. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Scope(String value, @Nullable String description) {
    }

    public RegisteredApi {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** The scope values, in registration order. */
    public List<String> scopeValues() {
        return scopes.stream().map(Scope::value).toList();
    }

    public boolean owns(String scope) {
        return scopes.stream().anyMatch(s -> s.value().equals(scope));
    }

    /** The API's own access-token lifetime, when it has one. */
    public Optional<Duration> tokenLifetime() {
        return Optional.ofNullable(accessTokenLifetime).map(Duration::ofSeconds);
    }
}
