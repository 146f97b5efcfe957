package dev.verifier.authorize.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.authorize.support.CodeEvents;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Par;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.testsupport.Browser;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RFC 8707 {@code resource} at /authorize and /par: repeatable, each a registered API the client may use (else an
 * {@code invalid_target} error redirect); without it the API owning the scopes; the code's event carries the granted
 * resources; the consent page lists the asked scopes grouped per API, the OIDC ones under their own heading.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceIndicatorsTest extends FrontChannelTest {

    static final String NOTES = FakeRegistry.NOTES_API;
    static final String ORDERS = "https://orders.example";
    static final String MACHINES = "https://machines.example";
    static final String SCOPE = "openid profile notes.read notes.write orders.read machines.run";

    @Inject
    JsonMapper mapper;

    RegisteredClient app;

    @BeforeAll
    void apis() {
        registry.putApi(FakeRegistry.api(ORDERS, "Orders", true, "orders.read", "See your orders"));
        registry.putApi(FakeRegistry.api(MACHINES, "Machines", false, "machines.run", "Run machines"));
    }

    @BeforeEach
    void client() {
        app = TestClients.withScope(TestClients.publicClient(CB), SCOPE);
        registry.put(app);
    }

    String url(String scope, String... resources) {
        Map<String, String> params = AuthorizeUrls.valid(app);
        params.put("scope", scope);
        StringBuilder url = new StringBuilder(AuthorizeUrls.of(params));
        for (String resource : resources) {
            url.append("&resource=").append(URLEncoder.encode(resource, StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    Map<String, Object> codeEvent(Browser.Page redirect) {
        assertEquals(303, redirect.status(), redirect.body());
        String code = redirect.redirectParams().get("code");
        return CodeEvents.find(Hashes.sha256Base64Url(code), mapper)
                .orElseThrow(() -> new AssertionError("no CodeIssued event")).value();
    }

    static void assertRefused(Browser.Page page, String error, String description) {
        assertEquals(303, page.status(), page.body());
        Map<String, String> params = page.redirectParams();
        assertEquals(error, params.get("error"), params.toString());
        assertEquals(description, params.get("error_description"));
        assertEquals("st-123", params.get("state"));
    }

    @Test
    void consentGroupsScopesPerApiWithTheirDescriptionsAndTheCodeCarriesTheResources() {
        Browser browser = browser();
        Browser.Page consent = browser.login(browser.get(url("openid profile notes.read orders.read", NOTES,
                ORDERS)), "alice", TestUsers.PASSWORD);

        assertTrue(consent.isConsentPage(), consent.body());
        String body = consent.body();
        assertTrue(body.indexOf("<h2>Your account</h2>") < body.indexOf("<h2>Notes</h2>"), body);
        assertTrue(body.indexOf("<h2>Notes</h2>") < body.indexOf("Read your notes"), body);
        assertTrue(body.indexOf("<h2>Orders</h2>") < body.indexOf("See your orders"), body);
        assertTrue(body.indexOf("Read your notes") < body.indexOf("<h2>Orders</h2>"), "grouped per API");
        assertFalse(body.contains("Write your notes"), "only the scopes asked");

        Map<String, Object> event = codeEvent(browser.consent(consent, "approve"));
        assertEquals(List.of(NOTES, ORDERS), event.get("resources"));
    }

    @Test
    void consentPageInGermanHasTheAccountHeadingFromTheBundle() {
        Browser browser = browser();
        Browser.Page consent = browser.login(browser.get(url("openid notes.read") + "&ui_locales=de"), "alice",
                TestUsers.PASSWORD);

        assertTrue(consent.body().contains("<h2>Ihr Konto</h2>"), consent.body());
        assertTrue(consent.body().contains("<h2>Notes</h2>"), consent.body());
    }

    @Test
    void withoutResourceTheApiOwningTheScopesIsGrantedAndOidcScopesGrantNone() {
        Browser browser = loggedIn();
        assertEquals(List.of(NOTES), codeEvent(approve(browser, url("openid notes.read"))).get("resources"));
        // no API: the event leaves resources out (empty lists are not written), which token-service reads as
        // "the APIs owning the granted scopes": none for OIDC scopes
        assertEquals(null, codeEvent(approve(browser, url("openid profile"))).get("resources"));
    }

    @Test
    void scopesOfTwoApisWithoutResourceAreInvalidScope() {
        assertRefused(browser().get(url("openid notes.read orders.read")), "invalid_scope",
                "the scopes asked belong to 2 APIs (http://localhost:9003, https://orders.example): ask for one "
                        + "API's scopes, or name each API with resource (RFC 8707) to get one token for all of them");
    }

    @Test
    void unknownMalformedOrRefusingResourceIsAnInvalidTargetRedirect() {
        assertRefused(browser().get(url("openid", "https://nowhere.example")), "invalid_target",
                "resource https://nowhere.example is not a registered API");
        assertRefused(browser().get(url("openid", "relative/path")), "invalid_target",
                "resource must be an absolute URI (RFC 8707 section 2)");
        assertRefused(browser().get(url("openid", NOTES + "/#frag")), "invalid_target",
                "resource must not contain a fragment (RFC 8707 section 2)");
        assertRefused(browser().get(url("openid", MACHINES)), "invalid_target",
                "resource https://machines.example does not accept tokens issued to users");
        app = TestClients.withScope(TestClients.publicClient(CB), "openid notes.read");
        registry.put(app);
        assertRefused(browser().get(url("openid", ORDERS)), "invalid_target",
                "this client is not registered for any scope of resource https://orders.example");
    }

    @Test
    void aScopeOfAnApiNotNamedIsInvalidScope() {
        assertRefused(browser().get(url("openid notes.read orders.read", NOTES)), "invalid_scope",
                "scope orders.read belongs to API https://orders.example, which is not among the requested resources");
    }

    @Test
    void parTakesRepeatedResourcesAndTheCodeCarriesThem() {
        String secret = ClientSecrets.generate();
        RegisteredClient confidential = TestClients.withScope(new ClientBuilder().authMethod("client_secret_basic")
                .secretHash(ClientSecrets.hash(secret)).build(), SCOPE);
        registry.put(confidential);
        Map<String, String> params = AuthorizeUrls.valid(confidential);
        params.put("scope", "openid notes.read orders.read");
        Par par = new Par(server.getURL().toString(), mapper);

        Par.Answer bad = par.push(Par.form(params, Map.of("resource", List.of(NOTES, MACHINES))),
                Par.basic(confidential.clientId(), secret));
        assertEquals(400, bad.status(), bad.body().toString());
        assertEquals("invalid_target", bad.body().get("error"));
        assertEquals("resource https://machines.example does not accept tokens issued to users",
                bad.body().get("error_description"));

        Par.Answer pushed = par.push(Par.form(params, Map.of("resource", List.of(NOTES, ORDERS))),
                Par.basic(confidential.clientId(), secret));
        assertEquals(201, pushed.status(), pushed.body().toString());
        Browser browser = browser();
        Browser.Page consent = browser.login(browser.get("/authorize?client_id=" + confidential.clientId()
                + "&request_uri=" + URLEncoder.encode(pushed.requestUri(), StandardCharsets.UTF_8)), "alice",
                TestUsers.PASSWORD);
        assertEquals(List.of(NOTES, ORDERS), codeEvent(browser.consent(consent, "approve")).get("resources"));
    }

    private Browser loggedIn() {
        Browser browser = browser();
        browser.login(browser.get(url("openid")), "alice", TestUsers.PASSWORD);
        return browser;
    }

    private static Browser.Page approve(Browser browser, String url) {
        Browser.Page page = browser.get(url);
        return page.isConsentPage() ? browser.consent(page, "approve") : page;
    }
}
