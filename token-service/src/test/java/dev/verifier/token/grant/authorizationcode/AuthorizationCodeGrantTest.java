package dev.verifier.token.grant.authorizationcode;

import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.jose.TokenHashes;
import dev.verifier.testsupport.AuditLog;
import dev.verifier.testsupport.Eventually;
import dev.verifier.token.code.CodeArrivals;
import dev.verifier.token.code.ReceivedCodeRepository;
import dev.verifier.token.support.CodePublisher;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Jwts;
import dev.verifier.token.support.Refusals;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenRequests;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The code exchange, with codes delivered by the real broker as authorize-service publishes them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "AuthorizationCodeGrantTest")
@Property(name = "verifier.token.code-wait", value = "1500ms")
class AuthorizationCodeGrantTest extends TokenHttpTest {

    static final String SCOPE = "openid profile email offline_access";

    @Inject
    CodePublisher publisher;
    @Inject
    ReceivedCodeRepository received;
    @Inject
    CodeArrivals arrivals;
    @Inject
    VerifierUrls urls;

    TestClients.Client spa;

    @BeforeAll
    void setUp() throws Exception {
        spa = clients.register("none", SCOPE, "authorization_code", "refresh_token");
        // the listener's consumer group must be up before timing-sensitive tests
        Codes warmUp = Codes.forClient(spa.id(), SCOPE);
        publisher.publish(warmUp.event());
        awaitStored(warmUp, Duration.ofSeconds(30));
    }

    void awaitStored(Codes codes, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (received.findById(codes.event().codeHash()).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertTrue(received.findById(codes.event().codeHash()).isPresent(), "event stored");
    }

    Codes published(TestClients.Client client) throws InterruptedException {
        Codes codes = Codes.forClient(client.id(), SCOPE);
        publisher.publish(codes.event());
        awaitStored(codes, Duration.ofSeconds(10));
        return codes;
    }

    Http.Answer exchange(TestClients.Client client, Codes codes) {
        return http.post("/token", TokenRequests.code(client, codes));
    }

    static void assertInvalidGrant(Http.Answer answer) {
        Refusals.assertInvalidGrant(answer, Refusals.CODE);
    }

    @Test
    void codeWithPkceThenAccessIdAndRefreshTokens() throws Exception {
        Codes codes = published(spa);

        Http.Answer answer = exchange(spa, codes);

        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals("no-store", answer.header("Cache-Control"));
        assertNotNull(answer.string("refresh_token"));
        Map<String, Object> jwks = http.get("/jwks").json();
        SignedJWT access = Jwts.verified(answer.string("access_token"), jwks);
        assertEquals("at+jwt", access.getHeader().getType().getType());
        JWTClaimsSet at = access.getJWTClaimsSet();
        assertEquals(codes.event().subject(), at.getSubject());
        assertEquals(spa.id(), at.getStringClaim("client_id"));
        // only OpenID Connect scopes: the issuer is the one audience (OIDC scopes never make an API an audience)
        assertEquals(List.of(urls.issuerId()), at.getAudience());
        assertEquals(codes.event().authTime().getEpochSecond(), at.getLongClaim("auth_time"));
        assertEquals(Scopes(SCOPE), Scopes(at.getStringClaim("scope")));

        SignedJWT id = Jwts.verified(answer.string("id_token"), jwks);
        assertEquals("JWT", id.getHeader().getType().getType());
        JWTClaimsSet it = id.getJWTClaimsSet();
        assertEquals(urls.issuerId(), it.getIssuer());
        assertEquals(List.of(spa.id()), it.getAudience());
        assertEquals(spa.id(), it.getStringClaim("azp"));
        assertEquals(Codes.NONCE, it.getStringClaim("nonce"));
        assertEquals(TokenHashes.halfHash(JWSAlgorithm.RS256, answer.string("access_token")),
                it.getStringClaim("at_hash"));
        assertEquals(codes.event().authTime().getEpochSecond(), it.getLongClaim("auth_time"));
        assertEquals("Alice Example", it.getStringClaim("name"));
        assertEquals(true, it.getBooleanClaim("email_verified"));
        assertEquals("urn:verifier:acr:pwd", it.getStringClaim("acr"));
    }

    static java.util.Set<String> Scopes(String scope) {
        return java.util.Set.of(scope.split(" "));
    }

    @Test
    void clientWithEs256IdTokenAlgGetsEs256IdToken() throws Exception {
        TestClients.Client es = clients.registerWithIdTokenAlg("none", SCOPE, "ES256", "authorization_code");
        Http.Answer answer = exchange(es, published(es));

        assertEquals(200, answer.status(), answer.raw().body());
        SignedJWT id = Jwts.verified(answer.string("id_token"), http.get("/jwks").json());
        assertEquals(JWSAlgorithm.ES256, id.getHeader().getAlgorithm());
        assertEquals(TokenHashes.halfHash(JWSAlgorithm.ES256, answer.string("access_token")),
                id.getJWTClaimsSet().getStringClaim("at_hash"));
    }

    @Test
    void noRefreshTokenWithoutOfflineAccessOrRefreshGrant() throws Exception {
        TestClients.Client plain = clients.register("none", "openid", "authorization_code");
        Codes codes = Codes.forClient(plain.id(), "openid");
        publisher.publish(codes.event());

        Http.Answer answer = exchange(plain, codes);

        assertEquals(200, answer.status(), answer.raw().body());
        assertNull(answer.json().get("refresh_token"));
        assertNotNull(answer.string("id_token"));
    }

    @Test
    void eventArrivingAfterTheRequestWithinTheWaitThenTokens() throws Exception {
        Codes codes = Codes.forClient(spa.id(), SCOPE);
        CompletableFuture<Http.Answer> pending = CompletableFuture.supplyAsync(() -> exchange(spa, codes));
        Eventually.until(() -> arrivals.awaited(codes.event().codeHash()), Duration.ofSeconds(10),
                "the request waits for the code");
        assertFalse(pending.isDone(), "the request waits for the code");

        publisher.publish(codes.event());

        assertEquals(200, pending.get(10, TimeUnit.SECONDS).status());
    }

    @Test
    void eventArrivingBeyondTheWaitThenInvalidGrant() throws Exception {
        Codes codes = Codes.forClient(spa.id(), SCOPE);
        CompletableFuture<Http.Answer> pending = CompletableFuture.supplyAsync(() -> exchange(spa, codes));
        Eventually.until(() -> arrivals.awaited(codes.event().codeHash()), Duration.ofSeconds(10),
                "the request waits for the code before it gives up");

        assertInvalidGrant(pending.get(10, TimeUnit.SECONDS));
        assertFalse(arrivals.awaited(codes.event().codeHash()), "the wait ended");
        publisher.publish(codes.event());
        awaitStored(codes, Duration.ofSeconds(10));
        assertEquals(200, exchange(spa, codes).status(), "the code works once it has arrived");
    }

    @Test
    void redeliveredEventChangesNothing() throws Exception {
        Codes codes = published(spa);
        publisher.publish(codes.event());
        assertEquals(200, exchange(spa, codes).status());
        var consumed = received.findById(codes.event().codeHash()).orElseThrow();

        publisher.publish(codes.event());
        published(spa); // a later event on the same partition: the redelivery has been processed

        assertEquals(consumed, received.findById(codes.event().codeHash()).orElseThrow());
        assertInvalidGrant(exchange(spa, codes));
    }

    @Test
    void tokenWhenCodeReusedThenInvalidGrantAndTokensRevoked() throws Exception {
        TestClients.Client api = clients.registerResourceServer(urls.issuerId());
        String apiAuth = Http.basic(api.id(), api.secret());
        Codes codes = published(spa);
        Http.Answer first = exchange(spa, codes);
        assertEquals(200, first.status());
        assertEquals(true, http.post("/introspect", form("token", first.string("access_token")),
                "Authorization", apiAuth).json().get("active"));

        try (AuditLog audit = AuditLog.start()) {
            assertInvalidGrant(exchange(spa, codes));
            assertEquals("authorization_code_reuse", audit.reason("grant_family_revoked", spa.id()));
        }

        assertEquals(Map.of("active", false), http.post("/introspect", form("token", first.string("access_token")),
                "Authorization", apiAuth).json());
        Refusals.assertInvalidGrant(http.post("/token", TokenRequests.refresh(spa, first.string("refresh_token"))),
                Refusals.REFRESH_TOKEN);
    }

    @Test
    void concurrentUsesOfOneCodeIssueTokensOnce() throws Exception {
        Codes codes = published(spa);
        List<CompletableFuture<Http.Answer>> racing = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> exchange(spa, codes))).toList();

        long ok = racing.stream().map(CompletableFuture::join).filter(a -> a.status() == 200).count();

        assertEquals(1, ok);
    }

    @Test
    void incompleteEventIsSkippedAndLaterEventsStillArrive() throws Exception {
        Codes good = Codes.forClient(spa.id(), SCOPE);
        var e = good.event();
        var incomplete = new dev.verifier.shared.event.CodeIssued(e.schemaVersion(), e.codeHash(), e.clientId(), null,
                e.scope(), e.subject(), e.codeChallenge(), e.codeChallengeMethod(), e.nonce(), e.authTime(), e.acr(),
                e.amr(), e.sessionId(), e.claims(), e.issuedAt(), e.expiresAt());
        publisher.publish(incomplete);
        Codes next = published(spa);

        assertTrue(received.findById(e.codeHash()).isEmpty(), "the incomplete event was not stored");
        assertEquals(200, exchange(spa, next).status());
    }

    @Test
    void otherClientsCodeThenInvalidGrant() throws Exception {
        TestClients.Client other = clients.register("none", SCOPE, "authorization_code");
        Codes codes = published(spa);

        assertInvalidGrant(exchange(other, codes));
        assertEquals(200, exchange(spa, codes).status(), "the rightful client can still use it");
    }

    @Test
    void wrongRedirectUriThenInvalidGrant() throws Exception {
        Codes codes = published(spa);
        assertInvalidGrant(http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "redirect_uri", TestClients.REDIRECT_URI + "/other", "code_verifier", codes.verifier(),
                "client_id", spa.id())));
    }

    /** An event of an earlier release (no redirect_uri_included) is read as before. */
    @Test
    void missingRedirectUriAcceptedWhenItIsTheOnlyRegisteredOne() throws Exception {
        Codes codes = published(spa);
        Http.Answer answer = http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "code_verifier", codes.verifier(), "client_id", spa.id()));
        assertEquals(200, answer.status(), answer.raw().body());
    }

    Codes published(Codes codes) throws InterruptedException {
        publisher.publish(codes.event());
        awaitStored(codes, Duration.ofSeconds(10));
        return codes;
    }

    @Test
    void missingRedirectUriThenInvalidGrantWhenTheAuthorizationRequestIncludedIt() throws Exception {
        Codes codes = published(Codes.forClient(spa.id(), SCOPE).withRedirectUriIncluded(true));

        Http.Answer answer = http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "code_verifier", codes.verifier(), "client_id", spa.id()));

        Refusals.assertInvalidGrant(answer,
                "redirect_uri is required: the authorization request included it (RFC 6749 section 4.1.3)");
        assertEquals(200, exchange(spa, codes).status(), "with the same redirect_uri it works");
    }

    @Test
    void otherRedirectUriThenInvalidGrantWhenTheAuthorizationRequestIncludedIt() throws Exception {
        Codes codes = published(Codes.forClient(spa.id(), SCOPE).withRedirectUriIncluded(true));

        Http.Answer answer = http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "redirect_uri", TestClients.REDIRECT_URI + "/other", "code_verifier", codes.verifier(),
                "client_id", spa.id()));

        Refusals.assertInvalidGrant(answer, "redirect_uri differs from the one in the authorization request");
    }

    @Test
    void missingRedirectUriAcceptedWhenTheAuthorizationRequestOmittedIt() throws Exception {
        Codes codes = published(Codes.forClient(spa.id(), SCOPE).withRedirectUriIncluded(false));

        Http.Answer answer = http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "code_verifier", codes.verifier(), "client_id", spa.id()));

        assertEquals(200, answer.status(), answer.raw().body());
    }

    @Test
    void missingRedirectUriThenInvalidRequestWhenSeveralAreRegistered() throws Exception {
        TestClients.Client two = clients.registerWithTwoRedirectUris(SCOPE);
        Codes codes = published(two);
        Http.Answer answer = http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "code_verifier", codes.verifier(), "client_id", two.id()));
        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.string("error"));
        assertEquals("redirect_uri is required", answer.string("error_description"));
        assertEquals(200, exchange(two, codes).status(), "with the redirect_uri it works");
    }

    @Test
    void missingWrongOrShortVerifierThenInvalidGrant() throws Exception {
        Codes codes = published(spa);
        String redirect = TestClients.REDIRECT_URI;
        assertInvalidGrant(http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "redirect_uri", redirect, "client_id", spa.id())));
        assertInvalidGrant(http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "redirect_uri", redirect, "client_id", spa.id(), "code_verifier", codes.verifier() + "x")));
        String shortVerifier = codes.verifier().substring(0, 42);
        assertInvalidGrant(http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "redirect_uri", redirect, "client_id", spa.id(), "code_verifier", shortVerifier)));
        assertEquals(200, exchange(spa, codes).status(), "failed attempts do not consume the code");
    }

    @Test
    void codeIssuedWithoutPkceToAConfidentialClientIsRedeemedWithoutVerifierButNeverWithOne() throws Exception {
        TestClients.Client web = clients.register("client_secret_basic", SCOPE, "authorization_code");
        String auth = Http.basic(web.id(), web.secret());
        Codes codes = Codes.forClient(web.id(), SCOPE).withoutPkce();
        publisher.publish(codes.event());
        awaitStored(codes, Duration.ofSeconds(10));

        assertInvalidGrant(http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "redirect_uri", TestClients.REDIRECT_URI, "code_verifier", Codes.forClient(web.id(), SCOPE).verifier()),
                "Authorization", auth));
        Http.Answer answer = http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "redirect_uri", TestClients.REDIRECT_URI), "Authorization", auth);
        assertEquals(200, answer.status(), answer.raw().body());
    }

    @Test
    void codeIssuedWithoutPkceToAPublicClientThenInvalidGrant() throws Exception {
        Codes codes = Codes.forClient(spa.id(), SCOPE).withoutPkce();
        publisher.publish(codes.event());
        awaitStored(codes, Duration.ofSeconds(10));

        assertInvalidGrant(http.post("/token", form("grant_type", "authorization_code", "code", codes.code(),
                "redirect_uri", TestClients.REDIRECT_URI, "client_id", spa.id())));
    }

    @Test
    void expiredCodeThenInvalidGrant() throws Exception {
        Codes codes = Codes.forClient(spa.id(), SCOPE, Instant.now().minusSeconds(1));
        publisher.publish(codes.event());
        awaitStored(codes, Duration.ofSeconds(10));
        assertInvalidGrant(exchange(spa, codes));
    }

    @Test
    void unknownCodeThenInvalidGrant() {
        Codes never = Codes.forClient(spa.id(), SCOPE);
        assertInvalidGrant(exchange(spa, never));
    }
}
