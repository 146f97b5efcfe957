package dev.verifier.registry.client;

import java.util.List;
import java.util.Set;

import dev.verifier.registry.api.ScopeValues;
import dev.verifier.registry.jwks.PublicJwks;
import dev.verifier.registry.rules.RegistrationConfiguration;
import dev.verifier.registry.rules.UriRules;
import dev.verifier.shared.client.ApplicationType;
import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.jose.Algorithms;
import dev.verifier.shared.scope.Scopes;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import static dev.verifier.shared.error.OAuthError.INVALID_CLIENT_METADATA;
import static dev.verifier.shared.error.OAuthError.INVALID_REDIRECT_URI;

/**
 * RFC 7591 §2 / OAuth 2.1 rules for registered metadata. Answers the metadata as stored, with defaults filled in
 * ({@code grant_types=[authorization_code]}, {@code response_types=[code]} for code clients, auth method
 * {@code client_secret_basic}, {@code application_type=web}); each refusal is its own precise
 * {@code invalid_redirect_uri} or {@code invalid_client_metadata}.
 */
@Singleton
public class ClientMetadataValidator {

    private static final Set<String> REQUEST_OBJECT_ALGS = Set.copyOf(Algorithms.REQUEST_OBJECT);
    private static final Set<String> ID_TOKEN_ALGS = Set.copyOf(Algorithms.ID_TOKEN);
    private static final Set<String> ASYMMETRIC_ALGS = Set.copyOf(Algorithms.PRIVATE_KEY_JWT);
    private static final Set<String> HMAC_ALGS = Set.copyOf(Algorithms.CLIENT_SECRET_JWT);

    private final RegistrationConfiguration config;
    private final UriRules uris;
    private final RedirectUriRules redirectUris;
    private final GrantRules grants;
    private final AdminClientRules adminRules;
    private final JsonMapper json;

    public ClientMetadataValidator(RegistrationConfiguration config, UriRules uris, RedirectUriRules redirectUris,
                                   GrantRules grants, AdminClientRules adminRules, JsonMapper json) {
        this.adminRules = adminRules;
        this.json = json;
        this.config = config;
        this.uris = uris;
        this.redirectUris = redirectUris;
        this.grants = grants;
    }

    public ClientMetadata validate(ClientMetadata m) {
        ApplicationType type = applicationType(m.applicationType());
        ClientAuthMethod method = authMethod(m.tokenEndpointAuthMethod());
        List<String> grantTypes = grants.grantTypes(m.grantTypes(), method);
        List<String> responseTypes = grants.responseTypes(m.responseTypes(), grantTypes);
        List<String> redirects = redirectUris(m.redirectUris(), type, grantTypes);
        checkJwks(m, method);
        checkList("request_uris", m.requestUris(), config.maxRequestUris(), true);
        checkUrl("jwks_uri", m.jwksUri(), false);
        // OIDC Back-Channel Logout 1.0 §2.2: an absolute https URL (http on loopback in the local profile), no fragment
        checkUrl("backchannel_logout_uri", m.backchannelLogoutUri(), false);
        for (String field : List.of("client_uri", "logo_uri", "policy_uri", "tos_uri")) {
            checkUrl(field, uriField(m, field), false);
        }
        checkAlgorithms(m, method);
        checkRequestObjectsAndPkce(m, method);
        checkScope(m.scope());
        adminRules.check(m, grantTypes, method);
        checkText("client_name", m.clientName());
        checkContacts(m.contacts());
        checkIntrospectionAudiences(m.introspectionAudiences(), method);
        return new ClientMetadata(m.clientName(), redirects, grantTypes, responseTypes, method.value(), m.scope(),
                m.jwksUri(), m.jwks(), m.requestUris(), m.requestObjectSigningAlg(), m.tokenEndpointAuthSigningAlg(),
                m.idTokenSignedResponseAlg(), type.value(), m.requirePushedAuthorizationRequests(),
                postLogoutRedirects(m.postLogoutRedirectUris(), type), m.contacts(), m.clientUri(), m.logoUri(),
                m.policyUri(), m.tosUri(),
                m.admitsAdminScopes() ? Boolean.TRUE : null,
                m.introspectionAudiences() == null || m.introspectionAudiences().isEmpty()
                        ? null : List.copyOf(m.introspectionAudiences()),
                m.backchannelLogoutUri(),
                m.backchannelLogoutUri() == null ? null : Boolean.TRUE.equals(m.backchannelLogoutSessionRequired()),
                m.requireSignedRequestObject(), m.requirePkce(),
                m.requiresDpop() ? Boolean.TRUE : null);
    }

    private static ApplicationType applicationType(String value) {
        return value == null ? ApplicationType.WEB : ApplicationType.from(value)
                .orElseThrow(() -> INVALID_CLIENT_METADATA.exception("application_type must be web or native"));
    }

    private static ClientAuthMethod authMethod(String value) {
        return value == null ? ClientAuthMethod.CLIENT_SECRET_BASIC : ClientAuthMethod.from(value)
                .orElseThrow(() -> INVALID_CLIENT_METADATA.exception("token_endpoint_auth_method must be one of "
                        + "none, client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt"));
    }

    private List<String> redirectUris(List<String> values, ApplicationType type, List<String> grantTypes) {
        List<String> list = values == null ? List.of() : values;
        if (grantTypes.contains(GrantType.AUTHORIZATION_CODE.value()) && list.isEmpty()) {
            throw INVALID_REDIRECT_URI.exception("redirect_uris is required for the authorization_code grant");
        }
        if (list.size() > config.maxRedirectUris()) {
            throw INVALID_REDIRECT_URI.exception("at most " + config.maxRedirectUris() + " redirect_uris are allowed");
        }
        redirectUris.problem(list, type).ifPresent(problem -> {
            throw INVALID_REDIRECT_URI.exception(problem);
        });
        return List.copyOf(list);
    }

    /** post_logout_redirect_uris follow the rules of redirect URIs (RP-Initiated Logout 1.0 §3.1). */
    private List<String> postLogoutRedirects(List<String> values, ApplicationType type) {
        if (values == null) {
            return null;
        }
        if (values.size() > config.maxRedirectUris()) {
            throw INVALID_CLIENT_METADATA.exception("at most " + config.maxRedirectUris()
                    + " post_logout_redirect_uris are allowed");
        }
        redirectUris.problem(values, type).ifPresent(problem -> {
            throw INVALID_CLIENT_METADATA.exception("post_logout_redirect_uris: " + problem);
        });
        return List.copyOf(values);
    }

    private void checkJwks(ClientMetadata m, ClientAuthMethod method) {
        if (m.jwks() != null && m.jwksUri() != null) {
            throw INVALID_CLIENT_METADATA.exception("jwks and jwks_uri must not both be present");
        }
        if (method == ClientAuthMethod.PRIVATE_KEY_JWT && m.jwks() == null && m.jwksUri() == null) {
            throw INVALID_CLIENT_METADATA.exception("private_key_jwt requires exactly one of jwks or jwks_uri");
        }
        if (m.jwks() != null) {
            if (jsonSize(m.jwks()) > config.maxJwksBytes()) {
                throw INVALID_CLIENT_METADATA.exception("jwks is larger than " + config.maxJwksBytes() + " bytes");
            }
            try {
                PublicJwks.parse(m.jwks(), config.maxJwksKeys());
            } catch (PublicJwks.InvalidJwksException e) {
                throw INVALID_CLIENT_METADATA.exception("jwks: " + e.getMessage());
            }
        }
    }

    private int jsonSize(Object value) {
        try {
            return json.writeValueAsBytes(value).length;
        } catch (java.io.IOException e) {
            throw INVALID_CLIENT_METADATA.exception("jwks is not a JSON object");
        }
    }

    private void checkList(String field, List<String> values, int max, boolean fragmentAllowed) {
        if (values == null) {
            return;
        }
        if (values.size() > max) {
            throw INVALID_CLIENT_METADATA.exception("at most " + max + " " + field + " are allowed");
        }
        values.forEach(v -> checkUrl(field, v, fragmentAllowed));
    }

    private void checkUrl(String field, String value, boolean fragmentAllowed) {
        if (value != null) {
            uris.webUrlProblem(value, fragmentAllowed).ifPresent(problem -> {
                throw INVALID_CLIENT_METADATA.exception(field + " " + value + " " + problem);
            });
        }
    }

    private void checkAlgorithms(ClientMetadata m, ClientAuthMethod method) {
        checkAlg("request_object_signing_alg", m.requestObjectSigningAlg(), REQUEST_OBJECT_ALGS);
        checkAlg("id_token_signed_response_alg", m.idTokenSignedResponseAlg(), ID_TOKEN_ALGS);
        Set<String> authAlgs = method == ClientAuthMethod.CLIENT_SECRET_JWT ? HMAC_ALGS : ASYMMETRIC_ALGS;
        if (m.tokenEndpointAuthSigningAlg() != null && method != ClientAuthMethod.CLIENT_SECRET_JWT
                && method != ClientAuthMethod.PRIVATE_KEY_JWT) {
            throw INVALID_CLIENT_METADATA.exception(
                    "token_endpoint_auth_signing_alg applies only to client_secret_jwt and private_key_jwt");
        }
        checkAlg("token_endpoint_auth_signing_alg", m.tokenEndpointAuthSigningAlg(), authAlgs);
    }

    /**
     * {@code require_signed_request_object} needs keys that verify the objects (only asymmetric algorithms are
     * accepted); {@code require_pkce: false} is for a confidential client only (a public one has no other proof
     * that it is the one redeeming the code).
     */
    private static void checkRequestObjectsAndPkce(ClientMetadata m, ClientAuthMethod method) {
        if (m.requiresSignedRequestObject() && m.jwks() == null && m.jwksUri() == null) {
            throw INVALID_CLIENT_METADATA.exception(
                    "require_signed_request_object requires jwks or jwks_uri (the keys that verify request objects)");
        }
        if (!m.requiresPkce() && method.isPublic()) {
            throw INVALID_CLIENT_METADATA.exception("require_pkce may be false only for a confidential client");
        }
    }

    private static void checkAlg(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw INVALID_CLIENT_METADATA.exception(field + " must be one of " + String.join(" ", allowed.stream().sorted().toList()));
        }
    }

    /**
     * Space-separated RFC 6749 scope-tokens within the length bound. Whether each is an OpenID Connect scope, an
     * internal one ({@link AdminClientRules}) or a registered API's is checked where the client is stored
     * ({@link ClientScopeRules}).
     */
    private void checkScope(String scope) {
        if (scope == null) {
            return;
        }
        if (scope.isBlank() || scope.length() > config.maxUriLength()) {
            throw INVALID_CLIENT_METADATA.exception("scope must be a non-empty space-separated list");
        }
        if (!Scopes.parse(scope).values().stream().allMatch(ScopeValues::isScopeToken)) {
            throw INVALID_CLIENT_METADATA.exception("scope values must be RFC 6749 scope-tokens (printable ASCII "
                    + "except space, \" and \\, at most " + ScopeValues.MAX_LENGTH + " characters) separated by spaces");
        }
    }

    /** {@code introspection_audiences}: absolute URIs (token audiences), for a confidential client only. */
    private void checkIntrospectionAudiences(List<String> audiences, ClientAuthMethod method) {
        if (audiences == null || audiences.isEmpty()) {
            return;
        }
        if (method.isPublic()) {
            throw INVALID_CLIENT_METADATA.exception("introspection_audiences requires a confidential client");
        }
        if (audiences.size() > config.maxRedirectUris()) {
            throw INVALID_CLIENT_METADATA.exception("at most " + config.maxRedirectUris()
                    + " introspection_audiences are allowed");
        }
        for (String audience : audiences) {
            if (audience == null || audience.length() > config.maxUriLength() || !absoluteUri(audience)) {
                throw INVALID_CLIENT_METADATA.exception(
                        "introspection_audiences entries must be absolute URIs (token audiences)");
            }
        }
    }

    private static boolean absoluteUri(String value) {
        try {
            return java.net.URI.create(value).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void checkText(String field, String value) {
        if (value != null && (value.isBlank() || value.length() > config.maxNameLength())) {
            throw INVALID_CLIENT_METADATA.exception(field + " must be 1 to " + config.maxNameLength() + " characters");
        }
    }

    private void checkContacts(List<String> contacts) {
        if (contacts == null) {
            return;
        }
        if (contacts.size() > config.maxContacts()) {
            throw INVALID_CLIENT_METADATA.exception("at most " + config.maxContacts() + " contacts are allowed");
        }
        contacts.forEach(c -> checkText("contacts entry", c));
    }

    private static String uriField(ClientMetadata m, String field) {
        return switch (field) {
            case "client_uri" -> m.clientUri();
            case "logo_uri" -> m.logoUri();
            case "policy_uri" -> m.policyUri();
            default -> m.tosUri();
        };
    }
}
