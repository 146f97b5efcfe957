package dev.verifier.authorize.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.Json;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Discovery documents: absolute URLs of every service and only what is really supported. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.urls.issuer", value = "https://id.example.com")
class DiscoveryTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper mapper;

    @Test
    void openidConfigurationAdvertisesAbsoluteUrlsAndOnlySupportedFeatures() {
        Map<String, Object> doc = get("/.well-known/openid-configuration");
        String tokenService = doc.get("token_endpoint").toString().replace("/token", "");
        assertEquals("https://id.example.com", doc.get("issuer"));
        assertEquals("https://id.example.com/authorize", doc.get("authorization_endpoint"));
        assertEquals("https://id.example.com/userinfo", doc.get("userinfo_endpoint"));
        assertEquals(tokenService + "/jwks", doc.get("jwks_uri"));
        assertTrue(tokenService.startsWith("http://127.0.0.1:"), "the configured token-service URL: " + tokenService);
        assertEquals(tokenService + "/introspect", doc.get("introspection_endpoint"));
        assertEquals(tokenService + "/revoke", doc.get("revocation_endpoint"));
        assertEquals(List.of("S256"), doc.get("code_challenge_methods_supported"));
        assertEquals(List.of("code"), doc.get("response_types_supported"));
        assertEquals(List.of("query", "form_post"), doc.get("response_modes_supported"), "never fragment for code");
        assertEquals(true, doc.get("authorization_response_iss_parameter_supported"));
        assertEquals(List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt"),
                doc.get("introspection_endpoint_auth_methods_supported"), "introspection refuses public clients");
        assertEquals(List.of("none", "client_secret_basic", "client_secret_post", "client_secret_jwt",
                "private_key_jwt"), doc.get("token_endpoint_auth_methods_supported"));
        assertEquals(List.of("RS256", "ES256"), doc.get("id_token_signing_alg_values_supported"));
        assertTrue(((List<?>) doc.get("scopes_supported")).containsAll(List.of("openid", "offline_access")));
        assertTrue(((List<?>) doc.get("claims_supported")).containsAll(List.of("sub", "email", "name", "address",
                "phone_number_verified", "updated_at")));
        assertTrue(((List<?>) doc.get("scopes_supported")).containsAll(List.of("address", "phone")));
        assertEquals(List.of("none", "login", "consent", "select_account"), doc.get("prompt_values_supported"),
                "create is not offered");
        assertEquals(List.of("en", "de"), doc.get("ui_locales_supported"));
        assertFalse(((List<?>) doc.get("grant_types_supported")).contains("implicit"));
        assertEquals(List.of("authorization_code", "refresh_token", "client_credentials",
                "urn:ietf:params:oauth:grant-type:device_code"), doc.get("grant_types_supported"));
        assertEquals("https://id.example.com/device_authorization", doc.get("device_authorization_endpoint"));
        assertEquals(true, doc.get("request_parameter_supported"));
        assertEquals(true, doc.get("claims_parameter_supported"));
        assertEquals(List.of("urn:verifier:acr:pwd"), doc.get("acr_values_supported"));
        assertEquals(List.of("RS256", "PS256", "ES256"), doc.get("request_object_signing_alg_values_supported"));
        assertEquals(true, doc.get("request_uri_parameter_supported"));
        assertEquals(true, doc.get("require_request_uri_registration"));
        assertEquals("https://id.example.com/par", doc.get("pushed_authorization_request_endpoint"));
        assertEquals(false, doc.get("require_pushed_authorization_requests"));
        assertEquals(doc.get("token_endpoint_auth_signing_alg_values_supported"),
                doc.get("introspection_endpoint_auth_signing_alg_values_supported"));
        assertEquals(doc.get("token_endpoint_auth_signing_alg_values_supported"),
                doc.get("revocation_endpoint_auth_signing_alg_values_supported"));
        assertEquals(List.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
                "ES256", "ES384", "ES512"),
                doc.get("token_endpoint_auth_signing_alg_values_supported"));
        assertFalse(doc.containsKey("registration_endpoint"),
                "registration is admin-only: not advertised unless configured");
    }

    @Test
    void oauthAuthorizationServerMetadataIsTheSameDocument() {
        assertEquals(get("/.well-known/openid-configuration"), get("/.well-known/oauth-authorization-server"));
    }

    private Map<String, Object> get(String path) {
        Json.Answer answer = new Json(server.getURL().toString(), mapper).get(path, null);
        assertEquals(200, answer.status());
        return answer.body();
    }
}
