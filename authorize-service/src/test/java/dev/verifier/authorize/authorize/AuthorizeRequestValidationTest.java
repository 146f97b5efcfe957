package dev.verifier.authorize.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.testsupport.Browser;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.shared.client.RegisteredClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every validation step of /authorize, in the contract's order, over real HTTP. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizeRequestValidationTest implements AuthorizeTestContext {

    static final String CB = "https://app.example/cb";
    static final String ISSUER = "http://localhost:9000";

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;

    RegisteredClient spa;
    RegisteredClient confidential;
    RegisteredClient twoUris;
    RegisteredClient nativeApp;

    @BeforeAll
    void clients() {
        spa = TestClients.publicClient(CB);
        confidential = TestClients.confidentialClient(CB);
        twoUris = TestClients.publicClient(CB, "https://app.example/other");
        nativeApp = TestClients.nativeClient("http://127.0.0.1:4000/cb");
        List.of(spa, confidential, twoUris, nativeApp).forEach(registry::put);
    }

    Browser browser() {
        return new Browser(server.getURL().toString());
    }

    Browser.Page authorize(RegisteredClient client, Map<String, String> changes) {
        Map<String, String> params = AuthorizeUrls.valid(client);
        changes.forEach((k, v) -> {
            if (v == null) {
                params.remove(k);
            } else {
                params.put(k, v);
            }
        });
        return browser().get(AuthorizeUrls.of(params));
    }

    static void assertErrorPage(Browser.Page page, String text) {
        assertEquals(400, page.status(), page.body());
        assertTrue(page.location().isEmpty(), "never redirected before the redirect URI is validated");
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains(text), page.body());
    }

    /** The error redirect with {@code error}, refused for the reason {@code description} names. */
    static void assertErrorRedirect(Browser.Page page, String error, String description) {
        assertEquals(303, page.status(), page.body());
        assertTrue(page.location().orElseThrow().startsWith(CB + "?"));
        Map<String, String> params = page.redirectParams();
        assertEquals(error, params.get("error"), params.toString());
        assertTrue(String.valueOf(params.get("error_description")).contains(description), params.toString());
        assertEquals("st-123", params.get("state"));
        assertEquals(ISSUER, params.get("iss"));
        assertFalse(params.containsKey("code"));
    }

    @Test
    void authorizeWhenClientIdMissingThenErrorPage() {
        assertErrorPage(authorize(spa, mapOf("client_id", null)), "client_id is missing");
    }

    @Test
    void authorizeWhenClientUnknownThenErrorPageNotRedirect() {
        assertErrorPage(authorize(spa, Map.of("client_id", "no-such-client")), "unknown client_id");
    }

    @Test
    void authorizeWhenRedirectUriNotRegisteredThenErrorPage() {
        assertErrorPage(authorize(spa, Map.of("redirect_uri", "https://evil.example/cb")), "not registered");
    }

    @Test
    void authorizeWhenRedirectUriDiffersByTrailingSlashThenErrorPage() {
        assertErrorPage(authorize(spa, Map.of("redirect_uri", CB + "/")), "not registered");
    }

    @Test
    void authorizeWhenRedirectUriMissingAndSeveralRegisteredThenErrorPage() {
        assertErrorPage(authorize(twoUris, mapOf("redirect_uri", null)), "redirect_uri is required");
    }

    @Test
    void authorizeWhenRedirectUriMissingAndOneRegisteredThenItIsUsed() {
        assertTrue(authorize(spa, mapOf("redirect_uri", null)).isLoginPage());
    }

    @Test
    void authorizeWhenRedirectUriHasFragmentThenErrorPage() {
        assertErrorPage(authorize(spa, Map.of("redirect_uri", CB + "#frag")), "fragment");
    }

    @Test
    void authorizeWhenClientIdDuplicatedThenErrorPage() {
        Browser.Page page = browser().get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)) + "&client_id=" + spa.clientId());
        assertErrorPage(page, "more than once");
    }

    @Test
    void authorizeWhenNativeLoopbackUsesAnotherPortThenAccepted() {
        assertTrue(authorize(nativeApp, Map.of("redirect_uri", "http://127.0.0.1:53111/cb")).isLoginPage());
    }

    @Test
    void authorizeWhenWebClientUsesAnotherPortThenErrorPage() {
        RegisteredClient web = TestClients.publicClient("http://127.0.0.1:4000/cb");
        registry.put(web);
        assertErrorPage(authorize(web, Map.of("redirect_uri", "http://127.0.0.1:4001/cb")), "not registered");
    }

    @Test
    void authorizeWhenResponseTypeIsTokenThenUnsupportedResponseTypeRedirect() {
        assertErrorRedirect(authorize(spa, Map.of("response_type", "token", "scope", "admin")),
                "unsupported_response_type", "only response_type=code is supported");
    }

    @Test
    void authorizeWhenResponseTypeMissingThenInvalidRequestRedirect() {
        assertErrorRedirect(authorize(spa, mapOf("response_type", null)), "invalid_request",
                "response_type is missing");
    }

    @Test
    void authorizeWhenScopeNotAllowedThenInvalidScopeBeforePkce() {
        assertErrorRedirect(authorize(spa, Map.of("scope", "openid admin", "code_challenge_method", "plain")),
                "invalid_scope", "a requested scope is not allowed");
    }

    @Test
    void authorizeWhenClientRegisteredWithARepeatedScopeThenLoginPageNotA500() {
        RegisteredClient repeated = TestClients.withScope(TestClients.publicClient(CB),
                "openid profile openid email offline_access");
        registry.put(repeated);

        Browser.Page page = authorize(repeated, Map.of("scope", "openid profile"));

        assertTrue(page.isLoginPage(), page.status() + " " + page.body());
        assertErrorRedirect(authorize(repeated, Map.of("scope", "openid admin")), "invalid_scope",
                "a requested scope is not allowed");
    }

    @Test
    void authorizeWhenClientNotRegisteredForTheCodeGrantThenUnauthorizedClientRedirect() {
        RegisteredClient service = TestClients.withGrantTypes(TestClients.confidentialClient(CB), "client_credentials");
        registry.put(service);

        Browser.Page page = authorize(service, Map.of());

        assertErrorRedirect(page, "unauthorized_client", "the client may not use grant_type authorization_code");
    }

    @Test
    void authorizeWhenPkcePlainThenInvalidRequest() {
        assertErrorRedirect(authorize(spa, Map.of("code_challenge_method", "plain")), "invalid_request",
                "code_challenge_method must be S256");
    }

    @Test
    void authorizeWhenPkceMethodMissingThenInvalidRequest() {
        assertErrorRedirect(authorize(spa, mapOf("code_challenge_method", null)), "invalid_request",
                "code_challenge_method must be S256");
    }

    @Test
    void authorizeWhenPublicClientSendsNoChallengeThenInvalidRequest() {
        assertErrorRedirect(authorize(spa, mapOf("code_challenge", null, "code_challenge_method", null)),
                "invalid_request", "code_challenge is required");
    }

    @Test
    void authorizeWhenConfidentialClientSendsNoChallengeThenInvalidRequestByDefault() {
        assertErrorRedirect(authorize(confidential, mapOf("code_challenge", null, "code_challenge_method", null)),
                "invalid_request", "code_challenge is required");
    }

    @Test
    void authorizeWhenConfidentialClientRegisteredRequirePkceFalseThenItMayOmitPkceButASentChallengeIsChecked() {
        RegisteredClient relaxed = new ClientBuilder().requirePkce(false).build();
        registry.put(relaxed);

        Browser.Page withoutPkce = authorize(relaxed, mapOf("code_challenge", null, "code_challenge_method", null));
        assertTrue(withoutPkce.isLoginPage(), withoutPkce.body());
        assertErrorRedirect(authorize(relaxed, Map.of("code_challenge", "too-short")), "invalid_request",
                "code_challenge must be 43 base64url characters");
        assertErrorRedirect(authorize(relaxed, mapOf("code_challenge", null)), "invalid_request",
                "code_challenge_method without code_challenge");
    }

    @Test
    void authorizeWhenPublicClientCarriesRequirePkceFalseThenPkceIsStillRequired() {
        RegisteredClient publicRelaxed = new ClientBuilder().authMethod("none").requirePkce(false).build();
        registry.put(publicRelaxed);

        assertErrorRedirect(authorize(publicRelaxed, mapOf("code_challenge", null, "code_challenge_method", null)),
                "invalid_request", "code_challenge is required");
    }

    @Test
    void authorizeWhenChallengeIsNot43Base64UrlCharactersThenInvalidRequest() {
        assertErrorRedirect(authorize(spa, Map.of("code_challenge", "too-short")), "invalid_request",
                "code_challenge must be 43 base64url characters");
        assertErrorRedirect(authorize(spa, Map.of("code_challenge", AuthorizeUrls.CHALLENGE.substring(1) + "+")),
                "invalid_request", "code_challenge must be 43 base64url characters");
    }

    @Test
    void authorizeWhenParameterDuplicatedThenInvalidRequestRedirect() {
        Browser.Page page = browser().get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)) + "&scope=openid");
        assertErrorRedirect(page, "invalid_request", "scope must not be given more than once");
    }

    @Test
    void authorizeWhenValidThenLoginPageWithHintAndUnknownParametersIgnored() {
        Browser.Page page = authorize(spa, Map.of("login_hint", "carol", "unknown_param", "x"));
        assertTrue(page.isLoginPage(), page.body());
        assertEquals("carol", page.hidden("username"));
    }

    @Test
    void authorizeByPostFormThenSameValidation() {
        Browser.Page page = browser().post("/authorize", AuthorizeUrls.valid(spa).entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        assertTrue(page.isLoginPage(), page.body());
        Browser.Page unknown = browser().post("/authorize", List.of(Map.entry("client_id", "nobody")));
        assertErrorPage(unknown, "unknown client_id");
    }

    @Test
    void authorizeWhenPromptNoneCombinedWithLoginThenInvalidRequest() {
        assertErrorRedirect(authorize(spa, Map.of("prompt", "none login")), "invalid_request",
                "prompt=none cannot be combined");
    }

    @Test
    void authorizeWhenMaxAgeNotANumberThenInvalidRequest() {
        assertErrorRedirect(authorize(spa, Map.of("max_age", "soon")), "invalid_request",
                "max_age must be a non-negative integer");
    }

    @Test
    void authorizeByPostWithDuplicatedParameterThenInvalidRequest() {
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>(AuthorizeUrls.valid(spa).entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        form.add(Map.entry("nonce", "second"));
        assertErrorRedirect(browser().post("/authorize", form), "invalid_request",
                "nonce must not be given more than once");
    }

    static Map<String, String> mapOf(String... kv) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }
}
