package dev.verifier.shared.client;

import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Client metadata as RFC 7591 §2 and OIDC Dynamic Client Registration name it. Values are kept as the JSON words
 * (strings) so that unknown or invalid input can be parsed and refused with a precise error by the registry's
 * validation; typed views ({@link GrantType}, {@link ClientAuthMethod}, {@link ApplicationType}) are read from it.
 * Unknown fields are ignored when parsing and never stored.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ClientMetadata(
        @Nullable String clientName,
        @Nullable List<String> redirectUris,
        @Nullable List<String> grantTypes,
        @Nullable List<String> responseTypes,
        @Nullable String tokenEndpointAuthMethod,
        @Nullable String scope,
        @Nullable String jwksUri,
        @Nullable Map<String, Object> jwks,
        @Nullable List<String> requestUris,
        @Nullable String requestObjectSigningAlg,
        @Nullable String tokenEndpointAuthSigningAlg,
        @Nullable String idTokenSignedResponseAlg,
        @Nullable String applicationType,
        @Nullable Boolean requirePushedAuthorizationRequests,
        @Nullable List<String> postLogoutRedirectUris,
        @Nullable List<String> contacts,
        @Nullable String clientUri,
        @Nullable String logoUri,
        @Nullable String policyUri,
        @Nullable String tosUri,
        @Nullable String backchannelLogoutUri,
        @Nullable Boolean backchannelLogoutSessionRequired) {
}
