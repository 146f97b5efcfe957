package dev.verifier.authorize.discovery;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.verifier.authorize.request.Prompt;
import dev.verifier.authorize.request.AuthenticationContext;
import dev.verifier.authorize.request.ResponseMode;
import dev.verifier.authorize.user.ReleasedClaims;
import dev.verifier.authorize.requestobject.RequestObjectVerifier;
import dev.verifier.authorize.web.PageLocales;
import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.dpop.DPoPConfiguration;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.registry.ApiCache;
import dev.verifier.shared.security.AdminScopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.verifier.shared.jose.Algorithms;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * OIDC Discovery and RFC 8414 metadata at the issuer: absolute URLs of every service's endpoints (from
 * {@link VerifierUrls}) and only what is really supported: code + S256 PKCE, the five client authentication methods,
 * RS256/ES256 signatures, RFC 9207 {@code iss} in the authorization response. {@code scopes_supported} lists the
 * OpenID Connect scopes and the scopes of the registered APIs (never the internal admin scopes), read through the API
 * cache, so it is current after an API change (ApiChanged); while the registry cannot be read, the OIDC scopes alone.
 */
@Controller("/.well-known")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DiscoveryController {

    static final List<String> SCOPES = List.of("openid", "profile", "email", "address", "phone", "offline_access");
    static final List<String> SIGNING_ALGS = Algorithms.ID_TOKEN;

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryController.class);

    private final Map<String, Object> metadata;
    private final ApiCache apis;

    DiscoveryController(VerifierUrls urls, DiscoveryConfiguration configuration, ApiCache apis,
                        DPoPConfiguration dpop) {
        this.metadata = build(urls, configuration, dpop);
        this.apis = apis;
    }

    @Get("/openid-configuration")
    HttpResponse<Map<String, Object>> openidConfiguration() {
        return answer();
    }

    @Get("/oauth-authorization-server")
    HttpResponse<Map<String, Object>> oauthAuthorizationServer() {
        return answer();
    }

    private HttpResponse<Map<String, Object>> answer() {
        Map<String, Object> current = new LinkedHashMap<>(metadata);
        current.put("scopes_supported", scopesSupported());
        return HttpResponse.ok(current).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }

    private List<String> scopesSupported() {
        Set<String> scopes = new LinkedHashSet<>(SCOPES);
        try {
            apis.all().forEach(api -> api.scopeValues().stream().filter(s -> !AdminScopes.isInternal(s))
                    .forEach(scopes::add));
        } catch (OAuthException e) {
            LOG.warn("scopes_supported lists only the OpenID Connect scopes: {}", e.description());
        }
        return List.copyOf(scopes);
    }

    private static Map<String, Object> build(VerifierUrls urls, DiscoveryConfiguration configuration,
                                             DPoPConfiguration dpop) {
        String issuer = urls.issuerId();
        List<String> authMethods = java.util.Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::value)
                .toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer);
        m.put("authorization_endpoint", issuer + "/authorize");
        m.put("token_endpoint", urls.tokenEndpoint().toString());
        m.put("userinfo_endpoint", issuer + "/userinfo");
        m.put("jwks_uri", urls.jwksUri().toString());
        m.put("introspection_endpoint", urls.introspectionEndpoint().toString());
        m.put("revocation_endpoint", urls.revocationEndpoint().toString());
        if (configuration.advertiseRegistrationEndpoint()) {
            m.put("registration_endpoint", VerifierUrls.strip(urls.registry()) + "/clients");
        }
        m.put("scopes_supported", SCOPES);
        m.put("response_types_supported", List.of("code"));
        m.put("response_modes_supported", ResponseMode.supported());
        m.put("grant_types_supported", java.util.Arrays.stream(GrantType.values()).map(GrantType::value).toList());
        m.put("subject_types_supported", List.of("public"));
        m.put("id_token_signing_alg_values_supported", SIGNING_ALGS);
        m.put("token_endpoint_auth_methods_supported", authMethods);
        List<String> assertionAlgs = Stream.concat(Algorithms.CLIENT_SECRET_JWT.stream(),
                Algorithms.PRIVATE_KEY_JWT.stream()).toList();
        m.put("token_endpoint_auth_signing_alg_values_supported", assertionAlgs);
        // RFC 8414 §2: the same client authentication runs at introspection and revocation
        m.put("introspection_endpoint_auth_signing_alg_values_supported", assertionAlgs);
        m.put("revocation_endpoint_auth_signing_alg_values_supported", assertionAlgs);
        // introspection needs an authenticated (confidential) client: no "none"
        m.put("introspection_endpoint_auth_methods_supported",
                authMethods.stream().filter(method -> !ClientAuthMethod.NONE.value().equals(method)).toList());
        m.put("revocation_endpoint_auth_methods_supported", authMethods);
        m.put("code_challenge_methods_supported", List.of("S256"));
        m.put("claims_supported", ReleasedClaims.SUPPORTED);
        m.put("prompt_values_supported", Prompt.supported());
        m.put("ui_locales_supported", PageLocales.supportedTags());
        m.put("claims_parameter_supported", true);
        m.put("acr_values_supported", AuthenticationContext.SUPPORTED);
        m.put("request_parameter_supported", true);
        m.put("request_object_signing_alg_values_supported", RequestObjectVerifier.ALGORITHMS);
        m.put("request_uri_parameter_supported", true);
        m.put("pushed_authorization_request_endpoint", urls.parEndpoint().toString());
        // RFC 8628 §4
        m.put("device_authorization_endpoint", urls.deviceAuthorizationEndpoint().toString());
        m.put("require_pushed_authorization_requests", false);
        m.put("require_request_uri_registration", true);
        m.put("authorization_response_iss_parameter_supported", true);
        m.put("end_session_endpoint", issuer + "/logout");
        m.put("backchannel_logout_supported", true);
        m.put("backchannel_logout_session_supported", true);
        // RFC 9449 §5.1: the algorithms a DPoP proof may use (verifier.dpop.algorithms, asymmetric only)
        m.put("dpop_signing_alg_values_supported", dpop.supportedAlgorithms());
        return java.util.Collections.unmodifiableMap(m);
    }
}
