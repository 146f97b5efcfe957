package dev.verifier.authorize.requestobject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.authorize.support.ClientOrigin;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.RequestObjects;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Signed request objects by value ({@code request}, RFC 9101) at /authorize: what is accepted, what is refused. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestObjectByValueTest extends FrontChannelTest {

    final ClientOrigin origin = new ClientOrigin();
    final RSAKey key = RequestObjects.rsaKey("k1");
    final ECKey ecKey = RequestObjects.ecKey("e1");
    RegisteredClient backend;

    @BeforeEach
    void backendWithJwksUri() {
        origin.serve("/jwks", "application/json", RequestObjects.jwks(key, ecKey));
        backend = new ClientBuilder().jwksUri(origin.url("/jwks")).build();
        registry.put(backend);
    }

    @AfterAll
    void stopOrigin() {
        origin.close();
    }

    Browser.Page authorize(Browser browser, RegisteredClient client, String requestObject, String... query) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", client.clientId());
        params.put("request", requestObject);
        for (int i = 0; i < query.length; i += 2) {
            params.put(query[i], query[i + 1]);
        }
        return browser.get(AuthorizeUrls.of(params));
    }

    Browser.Page authorize(String requestObject) {
        return authorize(browser(), backend, requestObject);
    }

    /** Refused on the error page with {@code error}, for the reason {@code description} names. */
    static void assertRefused(Browser.Page page, String error, String description) {
        assertEquals(400, page.status(), page.body());
        assertTrue(page.location().isEmpty(), "a request object failure is never redirected");
        assertTrue(page.body().contains("(" + error + ")"), page.body());
        assertTrue(page.body().contains(description), page.body());
    }

    @Test
    void authorizeWithSignedObjectThenOnlyTheObjectsParametersAreUsed() {
        Browser browser = browser();
        String object = RequestObjects.of(backend).claim("state", "from-object").sign(key);
        Browser.Page login = authorize(browser, backend, object, "state", "from-query", "login_hint", "carol",
                "scope", "openid email", "redirect_uri", "https://evil.example/cb");
        assertTrue(login.isLoginPage(), login.body());
        assertEquals("", login.hidden("username"), "login_hint given only in the query is ignored");

        Browser.Page consent = browser.login(login, "alice", TestUsers.PASSWORD);
        assertTrue(consent.isConsentPage(), consent.body());
        assertTrue(!consent.body().contains("email address"), "the query's scope is ignored");
        Browser.Page redirect = browser.consent(consent, "approve");
        assertTrue(redirect.location().orElseThrow().startsWith(CB + "?code="), redirect.location().orElseThrow());
        assertEquals("from-object", redirect.redirectParams().get("state"));
    }

    @Test
    void authorizeWithEs256AndPs256ObjectsThenAccepted() {
        assertTrue(authorize(RequestObjects.of(backend).alg(JWSAlgorithm.ES256).sign(ecKey)).isLoginPage());
        assertTrue(authorize(RequestObjects.of(backend).alg(JWSAlgorithm.PS256).sign(key)).isLoginPage());
    }

    @Test
    void authorizeWhenSignedByAnotherKeyWithTheSameKidThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).sign(RequestObjects.rsaKey("k1"))),
                "invalid_request_object", "signature does not verify");
    }

    @Test
    void authorizeWhenClientRotatedItsKeyThenUnknownKidIsFetchedOnceAndAccepted() {
        assertTrue(authorize(RequestObjects.of(backend).sign(key)).isLoginPage(), "the old key, now cached");
        RSAKey rotated = RequestObjects.rsaKey("k2");
        origin.serve("/jwks", "application/json", RequestObjects.jwks(rotated));
        int refreshes = registry.jwksRefreshes();

        assertTrue(authorize(RequestObjects.of(backend).sign(rotated)).isLoginPage(), "new kid accepted");
        assertEquals(refreshes + 1, registry.jwksRefreshes(), "one refresh asked of the registry");
    }

    @Test
    void authorizeWhenKidIsUnknownEvenAfterRefreshThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).sign(RequestObjects.rsaKey("stranger"))),
                "invalid_request_object", "signature does not verify");
    }

    @Test
    void authorizeWhenAlgNoneThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).unsigned()), "invalid_request_object",
                "unsigned request objects (alg none) are refused");
    }

    @Test
    void authorizeWhenHs256ThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).hmac("a-shared-secret-of-at-least-32-bytes!!")),
                "invalid_request_object", "the request object must be signed with");
    }

    @Test
    void authorizeWhenEncryptedWithoutNestedSignatureThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).encryptedTo(key)), "invalid_request_object",
                "encrypted request objects are not supported");
    }

    @Test
    void authorizeWhenAudIsNotTheIssuerThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).claim("aud", "https://other.example").sign(key)),
                "invalid_request_object", "aud must be the issuer");
    }

    @Test
    void authorizeWhenIssIsNotTheClientThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).claim("iss", "someone-else").sign(key)),
                "invalid_request_object", "iss must be the client_id");
    }

    @Test
    void authorizeWhenExpiredThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).expiresIn(Duration.ofMinutes(-2)).sign(key)),
                "invalid_request_object", "the request object has expired");
    }

    @Test
    void authorizeWhenExpMissingOrTooFarAheadThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).claim("exp", null).sign(key)), "invalid_request_object",
                "exp is required");
        assertRefused(authorize(RequestObjects.of(backend).expiresIn(Duration.ofHours(2)).sign(key)),
                "invalid_request_object", "exp is too far in the future");
    }

    @Test
    void authorizeWhenIssuedInTheFutureThenInvalidRequestObject() {
        Date later = new Date(System.currentTimeMillis() + 120_000);
        assertRefused(authorize(RequestObjects.of(backend).claim("iat", later).sign(key)), "invalid_request_object",
                "nbf and iat must not be in the future");
        assertRefused(authorize(RequestObjects.of(backend).claim("nbf", later).sign(key)), "invalid_request_object",
                "nbf and iat must not be in the future");
    }

    @Test
    void authorizeWhenObjectClientIdDiffersFromQueryThenInvalidRequestObject() {
        RegisteredClient other = new ClientBuilder().jwksUri(origin.url("/jwks")).build();
        registry.put(other);
        String object = RequestObjects.of(other).claim("iss", backend.clientId()).sign(key);
        assertRefused(authorize(object), "invalid_request_object", "client_id must equal the client_id parameter");
    }

    @Test
    void authorizeWhenQueryHasNoClientIdThenInvalidRequest() {
        Browser.Page page = browser().get(AuthorizeUrls.of(Map.of("request", RequestObjects.of(backend).sign(key))));
        assertRefused(page, "invalid_request", "client_id is missing");
    }

    @Test
    void authorizeWhenObjectContainsRequestUriThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).claim("request_uri", "https://x.example/r").sign(key)),
                "invalid_request_object", "must not contain request or request_uri");
    }

    @Test
    void authorizeWhenJwtIsOfAnotherTypeThenInvalidRequestObject() {
        assertRefused(authorize(RequestObjects.of(backend).type("at+jwt").sign(key)), "invalid_request_object",
                "is not a request object");
        assertTrue(authorize(RequestObjects.of(backend).type("JWT").sign(key)).isLoginPage());
    }

    @Test
    void authorizeWhenObjectIsNotAJwtThenInvalidRequestObject() {
        assertRefused(authorize("not-a-jwt"), "invalid_request_object", "the request object is not a JWT");
    }

    @Test
    void clientRegisteredWithSigningAlgMaySendAPlainRequestButItsObjectsOnlyWithThatAlg() {
        RegisteredClient es256 = new ClientBuilder().jwksUri(origin.url("/jwks")).requestObjectSigningAlg("ES256")
                .build();
        registry.put(es256);
        assertTrue(browser().get(AuthorizeUrls.of(AuthorizeUrls.valid(es256))).isLoginPage(),
                "request_object_signing_alg only fixes the algorithm (OIDC Registration)");
        assertRefused(authorize(browser(), es256, RequestObjects.of(es256).sign(key)), "invalid_request_object",
                "must be signed with ES256");
        assertTrue(authorize(browser(), es256, RequestObjects.of(es256).alg(JWSAlgorithm.ES256).sign(ecKey))
                .isLoginPage());
    }

    @Test
    void clientRequiringSignedRequestObjectsIsRefusedAPlainRequest() {
        RegisteredClient strict = new ClientBuilder().jwksUri(origin.url("/jwks")).requireSignedRequestObject()
                .build();
        registry.put(strict);
        assertRefused(browser().get(AuthorizeUrls.of(AuthorizeUrls.valid(strict))), "invalid_request",
                "this client must send a signed request object (require_signed_request_object)");
        assertTrue(authorize(browser(), strict, RequestObjects.of(strict).sign(key)).isLoginPage());
    }
}
