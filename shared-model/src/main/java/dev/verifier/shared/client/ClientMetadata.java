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
 * Unknown fields are ignored when parsing and never stored. Verifier extensions, settable only by a
 * {@code registry.admin} caller: {@code verifier_admin} (may hold the internal admin scopes) and
 * {@code introspection_audiences} (may introspect tokens issued for these audiences). {@code require_pkce} is a
 * Verifier extension too (settable by any registrant, false only for a confidential client).
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
        @Nullable Boolean verifierAdmin,
        @Nullable List<String> introspectionAudiences,
        @Nullable String backchannelLogoutUri,
        @Nullable Boolean backchannelLogoutSessionRequired,
        @Nullable Boolean requireSignedRequestObject,
        @Nullable Boolean requirePkce,
        @Nullable Boolean dpopBoundAccessTokens) {

    /** Without {@code dpop_bound_access_tokens} (absent: false), as before RFC 9449 support. */
    public ClientMetadata(String clientName, List<String> redirectUris, List<String> grantTypes,
                          List<String> responseTypes, String tokenEndpointAuthMethod, String scope, String jwksUri,
                          Map<String, Object> jwks, List<String> requestUris, String requestObjectSigningAlg,
                          String tokenEndpointAuthSigningAlg, String idTokenSignedResponseAlg, String applicationType,
                          Boolean requirePushedAuthorizationRequests, List<String> postLogoutRedirectUris,
                          List<String> contacts, String clientUri, String logoUri, String policyUri, String tosUri,
                          Boolean verifierAdmin, List<String> introspectionAudiences, String backchannelLogoutUri,
                          Boolean backchannelLogoutSessionRequired, Boolean requireSignedRequestObject,
                          Boolean requirePkce) {
        this(clientName, redirectUris, grantTypes, responseTypes, tokenEndpointAuthMethod, scope, jwksUri, jwks,
                requestUris, requestObjectSigningAlg, tokenEndpointAuthSigningAlg, idTokenSignedResponseAlg,
                applicationType, requirePushedAuthorizationRequests, postLogoutRedirectUris, contacts, clientUri,
                logoUri, policyUri, tosUri, verifierAdmin, introspectionAudiences, backchannelLogoutUri,
                backchannelLogoutSessionRequired, requireSignedRequestObject, requirePkce, null);
    }

    /** Without {@code require_signed_request_object} and {@code require_pkce} (both at their defaults). */
    public ClientMetadata(String clientName, List<String> redirectUris, List<String> grantTypes,
                          List<String> responseTypes, String tokenEndpointAuthMethod, String scope, String jwksUri,
                          Map<String, Object> jwks, List<String> requestUris, String requestObjectSigningAlg,
                          String tokenEndpointAuthSigningAlg, String idTokenSignedResponseAlg, String applicationType,
                          Boolean requirePushedAuthorizationRequests, List<String> postLogoutRedirectUris,
                          List<String> contacts, String clientUri, String logoUri, String policyUri, String tosUri,
                          Boolean verifierAdmin, List<String> introspectionAudiences, String backchannelLogoutUri,
                          Boolean backchannelLogoutSessionRequired) {
        this(clientName, redirectUris, grantTypes, responseTypes, tokenEndpointAuthMethod, scope, jwksUri, jwks,
                requestUris, requestObjectSigningAlg, tokenEndpointAuthSigningAlg, idTokenSignedResponseAlg,
                applicationType, requirePushedAuthorizationRequests, postLogoutRedirectUris, contacts, clientUri,
                logoUri, policyUri, tosUri, verifierAdmin, introspectionAudiences, backchannelLogoutUri,
                backchannelLogoutSessionRequired, null, null, null);
    }

    /**
     * Without the Verifier extensions ({@code verifier_admin}, {@code introspection_audiences}) and back-channel
     * logout.
     */
    public ClientMetadata(String clientName, List<String> redirectUris, List<String> grantTypes,
                          List<String> responseTypes, String tokenEndpointAuthMethod, String scope, String jwksUri,
                          Map<String, Object> jwks, List<String> requestUris, String requestObjectSigningAlg,
                          String tokenEndpointAuthSigningAlg, String idTokenSignedResponseAlg, String applicationType,
                          Boolean requirePushedAuthorizationRequests, List<String> postLogoutRedirectUris,
                          List<String> contacts, String clientUri, String logoUri, String policyUri, String tosUri) {
        this(clientName, redirectUris, grantTypes, responseTypes, tokenEndpointAuthMethod, scope, jwksUri, jwks,
                requestUris, requestObjectSigningAlg, tokenEndpointAuthSigningAlg, idTokenSignedResponseAlg,
                applicationType, requirePushedAuthorizationRequests, postLogoutRedirectUris, contacts, clientUri,
                logoUri, policyUri, tosUri, null, null, null, null, null, null, null);
    }

    /**
     * {@code require_signed_request_object} (RFC 9101 §10.5): every authorization request of this client must be a
     * signed request object (by value, by reference or pushed). {@code request_object_signing_alg} alone only fixes
     * the algorithm of the objects the client sends. Absent (a client registered before) is false.
     */
    public boolean requiresSignedRequestObject() {
        return Boolean.TRUE.equals(requireSignedRequestObject);
    }

    /**
     * {@code require_pkce} (a Verifier extension): absent or true, the client's authorization requests must carry
     * PKCE; false, which the registry accepts only for a confidential client, lets it omit PKCE (sent, it is still
     * checked).
     */
    public boolean requiresPkce() {
        return !Boolean.FALSE.equals(requirePkce);
    }

    /**
     * {@code dpop_bound_access_tokens} (RFC 9449 §5.2): every token request of this client must carry a DPoP proof,
     * so that it only ever gets DPoP-bound access tokens. Absent (a client registered before) is false.
     */
    public boolean requiresDpop() {
        return Boolean.TRUE.equals(dpopBoundAccessTokens);
    }

    /** {@code verifier_admin}: the client may be granted the internal admin scopes (client_credentials only). */
    public boolean admitsAdminScopes() {
        return Boolean.TRUE.equals(verifierAdmin);
    }

    /** {@code introspection_audiences}: the token audiences whose tokens this client may introspect (never null). */
    public List<String> introspectionAudiencesOrEmpty() {
        return introspectionAudiences == null ? List.of() : introspectionAudiences;
    }
}
