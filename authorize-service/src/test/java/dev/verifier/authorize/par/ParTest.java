package dev.verifier.authorize.par;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.assertions.jwt.JWTAssertionFactory;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.authorize.support.ClientOrigin;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Par;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.authorize.support.RequestObjects;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.testsupport.AuditLog;
import dev.verifier.testsupport.Browser;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Pushed authorization requests (RFC 9126): client authentication as at /token, then the URN at /authorize. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParTest extends FrontChannelTest {

    static final String PAR_ENDPOINT = "http://localhost:9000/par";

    @Inject
    JsonMapper mapper;
    @Inject
    SecretsCipher cipher;

    final ClientOrigin origin = new ClientOrigin();
    final RSAKey key = RequestObjects.rsaKey("k1");
    final String secret = ClientSecrets.generate();
    RegisteredClient basic;
    AuditLog audit;

    @BeforeAll
    void captureAudit() {
        audit = AuditLog.start();
    }

    @BeforeEach
    void clients() {
        origin.serve("/jwks", "application/json", RequestObjects.jwks(key));
        basic = client("client_secret_basic").build();
        registry.put(basic);
    }

    @AfterAll
    void stopOrigin() {
        origin.close();
        audit.close();
    }

    ClientBuilder client(String method) {
        return new ClientBuilder().authMethod(method).jwksUri(origin.url("/jwks"))
                .secretHash(ClientSecrets.hash(secret)).secretCiphertext(cipher.encrypt(secret));
    }

    Par par() {
        return new Par(server.getURL().toString(), mapper);
    }

    Par.Answer pushBasic(RegisteredClient client) {
        return par().push(Par.form(AuthorizeUrls.valid(client), Map.of()), Par.basic(client.clientId(), secret));
    }

    Browser.Page authorizeWith(Browser browser, String clientId, String requestUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("request_uri", requestUri);
        return browser.get(AuthorizeUrls.of(params));
    }

    static void assertErrorPage(Browser.Page page, String error, String description) {
        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains("(" + error + ")"), page.body());
        assertTrue(page.body().contains(description), page.body());
    }

    static void assertError(Par.Answer answer, String error, String description) {
        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals(error, answer.body().get("error"));
        assertTrue(String.valueOf(answer.body().get("error_description")).contains(description),
                answer.body().toString());
    }

    /** 401 invalid_client, and the audit trail names the check that failed ({@code reason}). */
    void assertInvalidClient(Par.Answer answer, RegisteredClient client, String reason) {
        assertEquals(401, answer.status(), answer.body().toString());
        assertEquals("invalid_client", answer.body().get("error"));
        assertEquals(reason, audit.reason("client_auth_failed", client.clientId()));
    }

    @Test
    void parWithClientSecretBasicThen201AndTheRequestUriStartsTheFlowOnce() {
        Par.Answer answer = pushBasic(basic);
        assertEquals(201, answer.status(), answer.body().toString());
        assertTrue(answer.requestUri().startsWith("urn:ietf:params:oauth:request_uri:"));
        assertEquals(60, ((Number) answer.body().get("expires_in")).intValue());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));

        Browser.Page login = authorizeWith(browser(), basic.clientId(), answer.requestUri());
        assertTrue(login.isLoginPage(), login.body());
        assertErrorPage(authorizeWith(browser(), basic.clientId(), answer.requestUri()), "invalid_request_uri",
                "already used");
    }

    @Test
    void pushedRequestFlowsThroughLoginAndConsentToTheCode() {
        Map<String, String> params = AuthorizeUrls.valid(basic);
        params.put("state", "pushed-state");
        Par.Answer answer = par().push(Par.form(params, Map.of()), Par.basic(basic.clientId(), secret));
        Browser browser = browser();
        Browser.Page consent = browser.login(authorizeWith(browser, basic.clientId(), answer.requestUri()), "alice",
                dev.verifier.authorize.support.TestUsers.PASSWORD);
        Browser.Page redirect = browser.consent(consent, "approve");
        assertTrue(redirect.location().orElseThrow().startsWith(CB + "?code="), redirect.body());
        assertEquals("pushed-state", redirect.redirectParams().get("state"));
    }

    @Test
    void parWithClientSecretPostThen201() {
        RegisteredClient post = client("client_secret_post").build();
        registry.put(post);
        Par.Answer answer = par().push(Par.form(AuthorizeUrls.valid(post),
                Map.of("client_secret", List.of(secret))), null);
        assertEquals(201, answer.status(), answer.body().toString());
        assertTrue(authorizeWith(browser(), post.clientId(), answer.requestUri()).isLoginPage());
    }

    @Test
    void parWithClientSecretJwtThen201AndTheAssertionCannotBeReplayed() throws Exception {
        RegisteredClient jwt = client("client_secret_jwt").build();
        registry.put(jwt);
        Map<String, List<String>> assertion = new ClientSecretJWT(new ClientID(jwt.clientId()),
                URI.create(PAR_ENDPOINT), JWSAlgorithm.HS256, new Secret(secret)).toParameters();
        Map<String, List<String>> form = Par.form(AuthorizeUrls.valid(jwt), assertion);
        int recorded = TestTokens.jtiRecords();
        assertEquals(201, par().push(form, null).status());
        assertInvalidClient(par().push(form, null), jwt, "jti_reused");
        assertTrue(TestTokens.jtiRecords() >= recorded + 2, "the jti went to token-service's store both times");
    }

    /** One client-assertion skew (verifier.client-auth.clock-skew, 60 s) at /par as at /token; /par allowed 30 s. */
    @Test
    void parAcceptsAnAssertionExpiredWithinTheSharedSkewAndRefusesOneBeyondIt() throws Exception {
        RegisteredClient jwt = client("client_secret_jwt").build();
        registry.put(jwt);

        assertEquals(201, par().push(Par.form(AuthorizeUrls.valid(jwt), assertionExpiredSecondsAgo(jwt, 45)), null)
                .status(), "within 60 s");
        assertInvalidClient(par().push(Par.form(AuthorizeUrls.valid(jwt), assertionExpiredSecondsAgo(jwt, 90)), null),
                jwt, "assertion_expired");
    }

    Map<String, List<String>> assertionExpiredSecondsAgo(RegisteredClient client, long seconds) throws Exception {
        Instant now = Instant.now();
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(new ClientID(client.clientId()),
                List.of(new Audience(PAR_ENDPOINT)), Date.from(now.minusSeconds(seconds)), null,
                Date.from(now.minusSeconds(seconds + 60)), new JWTID());
        return new ClientSecretJWT(JWTAssertionFactory.create(claims, JWSAlgorithm.HS256, new Secret(secret)))
                .toParameters();
    }

    @Test
    void parWithClientSecretJwtUnderAWrongSecretThenInvalidClient() throws Exception {
        RegisteredClient jwt = client("client_secret_jwt").build();
        registry.put(jwt);
        Map<String, List<String>> assertion = new ClientSecretJWT(new ClientID(jwt.clientId()),
                URI.create(PAR_ENDPOINT), JWSAlgorithm.HS256, new Secret(ClientSecrets.generate())).toParameters();
        assertInvalidClient(par().push(Par.form(AuthorizeUrls.valid(jwt), assertion), null), jwt, "signature_invalid");
    }

    @Test
    void parWithPrivateKeyJwtThen201() throws Exception {
        RegisteredClient pk = client("private_key_jwt").build();
        registry.put(pk);
        Map<String, List<String>> assertion = new PrivateKeyJWT(new ClientID(pk.clientId()),
                URI.create("http://localhost:9000"), JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(),
                null).toParameters();
        Par.Answer answer = par().push(Par.form(AuthorizeUrls.valid(pk), assertion), null);
        assertEquals(201, answer.status(), answer.body().toString());
    }

    @Test
    void parWhenConfidentialClientSendsOnlyItsClientIdThenInvalidClient() {
        assertInvalidClient(par().push(Par.form(AuthorizeUrls.valid(basic), Map.of()), null), basic, "method_mismatch");
    }

    @Test
    void parWhenSecretIsWrongThenInvalidClientEitherWayItIsSent() {
        assertInvalidClient(par().push(Par.form(AuthorizeUrls.valid(basic), Map.of()),
                Par.basic(basic.clientId(), "wrong")), basic, "secret_mismatch");
        assertInvalidClient(par().push(Par.form(AuthorizeUrls.valid(basic),
                Map.of("client_secret", List.of("wrong"))), null), basic, "secret_mismatch");
    }

    @Test
    void parWhenABasicClientSendsItsSecretInTheBodyThen201() {
        Par.Answer answer = par().push(Par.form(AuthorizeUrls.valid(basic), Map.of("client_secret", List.of(secret))),
                null);
        assertEquals(201, answer.status(), answer.body().toString());
    }

    /** RFC 6749 §3.2: a parameter without a value is omitted, at /par as at /token (it was a second method here). */
    @Test
    void parWithEmptyClientSecretBesideBasicThen201AsAtToken() {
        Par.Answer answer = par().push(Par.form(AuthorizeUrls.valid(basic), Map.of("client_secret", List.of(""))),
                Par.basic(basic.clientId(), secret));
        assertEquals(201, answer.status(), answer.body().toString());
    }

    @Test
    void parWhenConfidentialClientSendsAnEmptyClientSecretThenInvalidClientAsAtToken() {
        assertInvalidClient(par().push(Par.form(AuthorizeUrls.valid(basic), Map.of("client_secret", List.of(""))),
                null), basic, "method_mismatch");
    }

    @Test
    void parWithPublicClientAuthenticatedByNoneThen201() {
        Par.Answer answer = par().push(Par.form(AuthorizeUrls.valid(spa), Map.of()), null);
        assertEquals(201, answer.status(), answer.body().toString());
    }

    @Test
    void requestUriPushedByOneClientCannotBeUsedByAnother() {
        RegisteredClient other = client("client_secret_basic").build();
        registry.put(other);
        String requestUri = pushBasic(basic).requestUri();
        assertErrorPage(authorizeWith(browser(), other.clientId(), requestUri), "invalid_request_uri",
                "pushed by another client");
        assertTrue(authorizeWith(browser(), basic.clientId(), requestUri).isLoginPage(),
                "the rightful client can still use it");
    }

    @Test
    void clientThatRequiresParIsRefusedWithoutItAndAcceptedWithIt() {
        RegisteredClient strict = client("client_secret_basic").requirePar().build();
        registry.put(strict);
        assertErrorPage(browser().get(AuthorizeUrls.of(AuthorizeUrls.valid(strict))), "invalid_request",
                "must push its authorization requests");
        Map<String, String> byValue = new LinkedHashMap<>();
        byValue.put("client_id", strict.clientId());
        byValue.put("request", RequestObjects.of(strict).sign(key));
        assertErrorPage(browser().get(AuthorizeUrls.of(byValue)), "invalid_request",
                "must push its authorization requests");
        assertTrue(authorizeWith(browser(), strict.clientId(), pushBasic(strict).requestUri()).isLoginPage());
    }

    @Test
    void parWithSignedRequestObjectThenOnlyTheObjectsParametersArePushed() {
        String object = RequestObjects.of(basic).claim("login_hint", "dora").sign(key);
        Par.Answer answer = par().push(Map.of("request", List.of(object), "login_hint", List.of("eve")),
                Par.basic(basic.clientId(), secret));
        assertEquals(201, answer.status(), answer.body().toString());
        assertEquals("dora", authorizeWith(browser(), basic.clientId(), answer.requestUri()).hidden("username"));
    }

    @Test
    void parWithBadlySignedRequestObjectThenInvalidRequestObject() {
        String object = RequestObjects.of(basic).sign(RequestObjects.rsaKey("k1"));
        Par.Answer answer = par().push(Map.of("request", List.of(object)), Par.basic(basic.clientId(), secret));
        assertError(answer, "invalid_request_object", "signature does not verify");
    }

    @Test
    void clientRegisteredWithSigningAlgMayPushPlainParameters() {
        RegisteredClient rs256 = client("client_secret_basic").requestObjectSigningAlg("RS256").build();
        registry.put(rs256);
        Par.Answer answer = pushBasic(rs256);
        assertEquals(201, answer.status(), "request_object_signing_alg only fixes the algorithm: " + answer.body());
    }

    @Test
    void clientRequiringSignedRequestObjectsMustPushASignedObjectAndThenUsesItsRequestUri() {
        RegisteredClient strict = client("client_secret_basic").requireSignedRequestObject().build();
        registry.put(strict);
        assertError(pushBasic(strict), "invalid_request",
                "this client must send a signed request object (require_signed_request_object)");
        Par.Answer answer = par().push(Map.of("request", List.of(RequestObjects.of(strict).sign(key))),
                Par.basic(strict.clientId(), secret));
        assertEquals(201, answer.status(), answer.body().toString());
        Browser.Page login = authorizeWith(browser(), strict.clientId(), answer.body().get("request_uri").toString());
        assertTrue(login.isLoginPage(), "the pushed object's request_uri is a signed request: " + login.body());
        assertErrorPage(browser().get(AuthorizeUrls.of(AuthorizeUrls.valid(strict))), "invalid_request",
                "this client must send a signed request object (require_signed_request_object)");
    }

    @Test
    void parWithRequestUriOrInvalidParametersThenErrorJson() {
        Par.Answer withUri = par().push(Par.form(AuthorizeUrls.valid(basic),
                Map.of("request_uri", List.of("https://x.example/r"))), Par.basic(basic.clientId(), secret));
        assertError(withUri, "invalid_request", "request_uri must not be pushed");

        Map<String, String> badRedirect = AuthorizeUrls.valid(basic);
        badRedirect.put("redirect_uri", "https://evil.example/cb");
        assertError(par().push(Par.form(badRedirect, Map.of()), Par.basic(basic.clientId(), secret)),
                "invalid_request", "redirect_uri is not registered for this client");

        Map<String, String> badScope = AuthorizeUrls.valid(basic);
        badScope.put("scope", "openid admin");
        assertError(par().push(Par.form(badScope, Map.of()), Par.basic(basic.clientId(), secret)),
                "invalid_scope", "a requested scope is not allowed");
    }

    @Test
    void parWithDuplicatedParameterThenInvalidRequest() {
        Par.Answer answer = par().push(Par.form(AuthorizeUrls.valid(basic),
                Map.of("scope", List.of("openid", "openid profile"))), Par.basic(basic.clientId(), secret));
        assertError(answer, "invalid_request", "parameter scope is repeated");
    }
}
