package dev.verifier.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each RFC 7591 / OAuth 2.1 metadata rule refuses with its own error and a precise description (not local profile). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientMetadataValidationTest implements RegistryTest {

    private static final String RSA_PUBLIC = """
            {"kty":"RSA","kid":"k1","e":"AQAB","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw"}""";
    private static final String RSA_PRIVATE = RSA_PUBLIC.replace("\"AQAB\"", "\"AQAB\",\"d\":\"X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH-HLLKD9M7dx5oo7GURknchnrRweUkC7hT5fJLM0WbFAKNLWY2vv7B6NqXSzUvxT0_YSfqijwp3RTzlBaCxWp4doFk5N2o8Gy_nHNKroADIkJ46pRUohsXywbReAdYaMwFs9tv8d_cPVY3i07a3t8MN6TNwm0dSawm9v47UiCl3Sk5ZiG7xojPLu4sbg1U2jx4IBTNBznbJSzFHK66jT8bgkuqsk0GjskDJk19Z4qwjwbsnn4j2WBii3RL-Us2lGVkY8fkFzme1z0HbIkfz0Y6mqnOYtqc0X4jfcKoAC8Q\"");
    private static final String OCT = "{\"kty\":\"oct\",\"kid\":\"s\",\"k\":\"GawgguFyGrWKav7AX4VKUg\"}";

    @Inject
    EmbeddedServer server;
    RegistryHttp http;

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refuse("relative redirect URI", code("\"redirect_uris\": [\"/cb\"]"), "invalid_redirect_uri", "must be an absolute URI"),
                refuse("redirect URI with fragment", code("\"redirect_uris\": [\"https://a.example/cb#x\"]"), "invalid_redirect_uri", "must not contain a fragment"),
                refuse("plain http redirect URI", code("\"redirect_uris\": [\"http://a.example/cb\"]"), "invalid_redirect_uri", "must use https"),
                refuse("http loopback for a web client outside the local profile", code("\"redirect_uris\": [\"http://127.0.0.1:8080/cb\"]"), "invalid_redirect_uri", "must use https"),
                refuse("wildcard redirect URI", code("\"redirect_uris\": [\"https://*.example/cb\"]"), "invalid_redirect_uri", "must not contain wildcards"),
                refuse("private-use scheme for a web client", code("\"redirect_uris\": [\"com.example.app:/cb\"]"), "invalid_redirect_uri", "must use https"),
                refuse("native private-use scheme not in reverse domain form", nativeClient("myapp:/cb"), "invalid_redirect_uri", "reverse domain name form"),
                refuse("native http on a non-loopback host", nativeClient("http://app.example/cb"), "invalid_redirect_uri", "loopback IP literal"),
                refuse("code grant without redirect URIs", "{\"grant_types\": [\"authorization_code\"]}", "invalid_redirect_uri", "redirect_uris is required"),
                refuse("too many redirect URIs", code("\"redirect_uris\": [" + "\"https://a.example/cb\",".repeat(20) + "\"https://a.example/cb\"]"), "invalid_redirect_uri", "at most 20"),
                refuse("redirect URI too long", code("\"redirect_uris\": [\"https://a.example/" + "x".repeat(2100) + "\"]"), "invalid_redirect_uri", "longer than 2048"),
                refuse("unknown grant type", code("\"grant_types\": [\"password\"]"), "invalid_client_metadata", "grant_types value password is not supported"),
                refuse("implicit response type", code("\"response_types\": [\"token\"]"), "invalid_client_metadata", "response_types value token"),
                refuse("code grant without code response type", code("\"response_types\": []"), "invalid_client_metadata", "requires response_types code"),
                refuse("code response type without code grant", "{\"grant_types\": [\"client_credentials\"], \"response_types\": [\"code\"]}", "invalid_client_metadata", "requires grant_types authorization_code"),
                refuse("refresh token without code grant", "{\"grant_types\": [\"client_credentials\", \"refresh_token\"]}", "invalid_client_metadata", "refresh_token requires authorization_code"),
                refuse("client credentials for a public client", "{\"grant_types\": [\"client_credentials\"], \"token_endpoint_auth_method\": \"none\"}", "invalid_client_metadata", "client_credentials requires a confidential client"),
                refuse("unknown auth method", code("\"token_endpoint_auth_method\": \"tls_client_auth\""), "invalid_client_metadata", "token_endpoint_auth_method must be one of"),
                refuse("private_key_jwt without keys", code("\"token_endpoint_auth_method\": \"private_key_jwt\""), "invalid_client_metadata", "exactly one of jwks or jwks_uri"),
                refuse("both jwks and jwks_uri", code("\"jwks_uri\": \"https://a.example/jwks\", \"jwks\": {\"keys\": [" + RSA_PUBLIC + "]}"), "invalid_client_metadata", "must not both be present"),
                refuse("private key in jwks", code("\"jwks\": {\"keys\": [" + RSA_PRIVATE + "]}"), "invalid_client_metadata", "holds a private key"),
                refuse("symmetric key in jwks", code("\"jwks\": {\"keys\": [" + OCT + "]}"), "invalid_client_metadata", "holds a symmetric key"),
                refuse("jwks too large", code("\"jwks\": {\"keys\": [" + RSA_PUBLIC.replace("{", "{\"pad\": \"" + "x".repeat(33_000) + "\", ") + "]}"), "invalid_client_metadata", "jwks is larger than 32768 bytes"),
                refuse("too many keys in jwks", code("\"jwks\": {\"keys\": [" + (RSA_PUBLIC + ",").repeat(10) + RSA_PUBLIC + "]}"), "invalid_client_metadata", "more than 10 keys"),
                refuse("jwks that is not a JWK set", code("\"jwks\": {\"keys\": [{\"kty\": \"nope\"}]}"), "invalid_client_metadata", "not a valid JWK"),
                refuse("http jwks_uri outside the local profile", code("\"jwks_uri\": \"http://127.0.0.1/jwks\""), "invalid_client_metadata", "jwks_uri http://127.0.0.1/jwks must use https"),
                refuse("http request_uri outside the local profile", code("\"request_uris\": [\"http://a.example/r\"]"), "invalid_client_metadata", "request_uris http://a.example/r must use https"),
                refuse("too many request_uris", code("\"request_uris\": [" + "\"https://a.example/r\",".repeat(10) + "\"https://a.example/r\"]"), "invalid_client_metadata", "at most 10 request_uris"),
                refuse("scope of no registered API", code("\"scope\": \"openid admin.everything\""), "invalid_client_metadata", "no registered API defines: admin.everything"),
                refuse("unknown application type", code("\"application_type\": \"desktop\""), "invalid_client_metadata", "application_type must be web or native"),
                refuse("request objects signed with HMAC", code("\"request_object_signing_alg\": \"HS256\""), "invalid_client_metadata", "request_object_signing_alg must be one of"),
                refuse("request objects unsigned", code("\"request_object_signing_alg\": \"none\""), "invalid_client_metadata", "request_object_signing_alg must be one of"),
                refuse("request objects with an algorithm authorize-service does not verify", code("\"request_object_signing_alg\": \"RS384\""), "invalid_client_metadata", "request_object_signing_alg must be one of"),
                refuse("ID tokens with an algorithm token-service has no key for", code("\"id_token_signed_response_alg\": \"PS256\""), "invalid_client_metadata", "id_token_signed_response_alg must be one of"),
                refuse("client_secret_jwt with an asymmetric alg", code("\"token_endpoint_auth_method\": \"client_secret_jwt\", \"token_endpoint_auth_signing_alg\": \"RS256\""), "invalid_client_metadata", "token_endpoint_auth_signing_alg must be one of HS256"),
                refuse("client name too long", code("\"client_name\": \"" + "n".repeat(201) + "\""), "invalid_client_metadata", "client_name must be 1 to 200"),
                refuse("too many contacts", code("\"contacts\": [" + "\"a@b.example\",".repeat(10) + "\"a@b.example\"]"), "invalid_client_metadata", "at most 10 contacts"),
                refuse("logo_uri over http", code("\"logo_uri\": \"http://a.example/logo.png\""), "invalid_client_metadata", "logo_uri"),
                refuse("post_logout_redirect_uri with a fragment", code("\"post_logout_redirect_uris\": [\"https://a.example/bye#x\"]"), "invalid_client_metadata", "post_logout_redirect_uris: redirect URI https://a.example/bye#x must not contain a fragment"),
                refuse("post_logout_redirect_uri over http", code("\"post_logout_redirect_uris\": [\"http://a.example/bye\"]"), "invalid_client_metadata", "post_logout_redirect_uris: redirect URI http://a.example/bye must use https"),
                refuse("post_logout_redirect_uri with a wildcard", code("\"post_logout_redirect_uris\": [\"https://*.example/bye\"]"), "invalid_client_metadata", "must not contain wildcards"),
                refuse("backchannel_logout_uri over http outside the local profile", code("\"backchannel_logout_uri\": \"http://127.0.0.1/bc\""), "invalid_client_metadata", "backchannel_logout_uri http://127.0.0.1/bc must use https"),
                refuse("require_pkce false for a public client", "{\"redirect_uris\": [\"https://a.example/cb\"], \"scope\": \"openid\", \"token_endpoint_auth_method\": \"none\", \"require_pkce\": false}", "invalid_client_metadata", "require_pkce may be false only for a confidential client"),
                refuse("require_pkce that is not a boolean", code("\"require_pkce\": \"no\""), "invalid_client_metadata", "require_pkce must be a boolean"),
                refuse("dpop_bound_access_tokens that is not a boolean", code("\"dpop_bound_access_tokens\": \"yes\""), "invalid_client_metadata", "dpop_bound_access_tokens must be a boolean"),
                refuse("signed request objects required without keys", code("\"require_signed_request_object\": true"), "invalid_client_metadata", "require_signed_request_object requires jwks or jwks_uri (the keys that verify request objects)"),
                refuse("backchannel_logout_uri with a fragment", code("\"backchannel_logout_uri\": \"https://a.example/bc#f\""), "invalid_client_metadata", "backchannel_logout_uri https://a.example/bc#f must not contain a fragment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void invalidMetadataIsRefusedWithItsOwnError(String rule, String body, String error, String description) {
        Answer answer = http.post("/clients", TestTokens.admin(), body);
        assertEquals(400, answer.status(), rule + ": " + answer.body());
        assertEquals(error, answer.error(), rule);
        assertTrue(answer.description().contains(description), rule + ": " + answer.description());
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void nativeClientsMayUseLoopbackHttpAndReverseDomainSchemes() {
        assertEquals(201, http.post("/clients", TestTokens.admin(), nativeClient("http://127.0.0.1/cb")).status());
        assertEquals(201, http.post("/clients", TestTokens.admin(), nativeClient("com.example.app:/oauth2redirect")).status());
        assertEquals(201, http.post("/clients", TestTokens.admin(), nativeClient("http://[::1]:4000/cb")).status());
    }

    @Test
    void deviceGrantIsAcceptedForPublicAndConfidentialClientsWithoutRedirectUris() {
        String device = "urn:ietf:params:oauth:grant-type:device_code";
        Answer tv = http.post("/clients", TestTokens.admin(), "{\"grant_types\": [\"" + device + "\", \"refresh_token\"], "
                + "\"token_endpoint_auth_method\": \"none\", \"scope\": \"openid offline_access\"}");
        assertEquals(201, tv.status(), tv.body().toString());
        assertEquals(java.util.List.of(device, "refresh_token"), tv.body().get("grant_types"));
        assertTrue(tv.body().get("response_types") == null, "no response type without the code grant");
        Answer read = http.get("/clients/" + tv.body().get("client_id"), TestTokens.admin());
        assertEquals(java.util.List.of(device, "refresh_token"), read.body().get("grant_types"), read.body().toString());
        Answer backend = http.post("/clients", TestTokens.admin(), "{\"grant_types\": [\"" + device + "\"], "
                + "\"token_endpoint_auth_method\": \"client_secret_basic\", \"scope\": \"openid\"}");
        assertEquals(201, backend.status(), backend.body().toString());
        assertTrue(backend.body().get("client_secret") != null, "a confidential device client gets a secret");
    }

    @Test
    void publicJwksAndHttpsUrisAreAccepted() {
        Answer answer = http.post("/clients", TestTokens.admin(), code("\"token_endpoint_auth_method\": \"private_key_jwt\", "
                + "\"jwks\": {\"keys\": [" + RSA_PUBLIC + "]}, \"request_uris\": [\"https://a.example/r#hash\"]"));
        assertEquals(201, answer.status(), answer.body().toString());
    }

    @Test
    void logoutMetadataIsStoredAndAnsweredWithSessionRequiredDefaultingToFalse() {
        Answer answer = http.post("/clients", TestTokens.admin(), code("\"post_logout_redirect_uris\": "
                + "[\"https://a.example/bye\"], \"backchannel_logout_uri\": \"https://a.example/bc\""));
        assertEquals(201, answer.status(), answer.body().toString());
        assertEquals(java.util.List.of("https://a.example/bye"), answer.body().get("post_logout_redirect_uris"));
        assertEquals("https://a.example/bc", answer.body().get("backchannel_logout_uri"));
        assertEquals(false, answer.body().get("backchannel_logout_session_required"));
    }

    @Test
    void requestObjectAndPkceSwitchesAreStoredAndAnsweredAndAbsentByDefault() {
        Answer strict = http.post("/clients", TestTokens.admin(), code("\"require_signed_request_object\": true, "
                + "\"require_pkce\": false, \"request_object_signing_alg\": \"RS256\", \"jwks\": {\"keys\": ["
                + RSA_PUBLIC + "]}"));
        assertEquals(201, strict.status(), strict.body().toString());
        assertEquals(true, strict.body().get("require_signed_request_object"));
        assertEquals(false, strict.body().get("require_pkce"));
        Answer read = http.get("/clients/" + strict.body().get("client_id"), TestTokens.admin());
        assertEquals(true, read.body().get("require_signed_request_object"), read.body().toString());
        assertEquals(false, read.body().get("require_pkce"), read.body().toString());

        Answer plain = http.post("/clients", TestTokens.admin(), code("\"request_object_signing_alg\": \"RS256\", "
                + "\"jwks\": {\"keys\": [" + RSA_PUBLIC + "]}"));
        assertEquals(201, plain.status(), plain.body().toString());
        assertFalse(plain.body().containsKey("require_signed_request_object"),
                "request_object_signing_alg alone does not require request objects: " + plain.body());
        assertFalse(plain.body().containsKey("require_pkce"), "absent: the default (PKCE required)");
    }

    @Test
    void dpopBoundAccessTokensIsStoredAndAnsweredAndAbsentByDefault() {
        Answer bound = http.post("/clients", TestTokens.admin(), code("\"dpop_bound_access_tokens\": true"));
        assertEquals(201, bound.status(), bound.body().toString());
        assertEquals(true, bound.body().get("dpop_bound_access_tokens"));
        Answer read = http.get("/clients/" + bound.body().get("client_id"), TestTokens.admin());
        assertEquals(true, read.body().get("dpop_bound_access_tokens"), read.body().toString());

        Answer plain = http.post("/clients", TestTokens.admin(), code("\"dpop_bound_access_tokens\": false"));
        assertEquals(201, plain.status(), plain.body().toString());
        assertFalse(plain.body().containsKey("dpop_bound_access_tokens"), "false is the default: " + plain.body());
    }

    private static Arguments refuse(String rule, String body, String error, String description) {
        return Arguments.of(rule, body, error, description);
    }

    /** A valid confidential code client changed by {@code extra} fields. */
    private static String code(String extra) {
        String redirect = extra.contains("\"redirect_uris\"") ? "" : "\"redirect_uris\": [\"https://a.example/cb\"], ";
        String scope = extra.contains("\"scope\"") ? "" : "\"scope\": \"openid\", ";
        return "{" + redirect + scope + extra + "}";
    }

    private static String nativeClient(String redirectUri) {
        return "{\"application_type\": \"native\", \"token_endpoint_auth_method\": \"none\", \"redirect_uris\": [\""
                + redirectUri + "\"]}";
    }
}
