package dev.verifier.registry.jwks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import dev.verifier.registry.support.MutableClock;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestClients;
import dev.verifier.registry.support.TestJwksOrigin;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.testsupport.PrometheusText;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The registry's cache of clients' jwks_uri sets, against a local JWKS origin that counts its hits. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwksCacheTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    @Inject
    JwksMetrics metrics;
    RegistryHttp http;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("verifier.profile.local", "true", "verifier.test.clock", "mutable",
                "verifier.jwks.read-timeout", "1s", "verifier.jwks.connect-timeout", "1s");
    }

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
    }

    @Test
    void secondReadIsACacheHit() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            String id = register(origin.url());
            double hitsBefore = metrics.hits();
            assertTrue(jwks(id, "").contains("\"k1\""));
            assertTrue(jwks(id, "").contains("\"k1\""));
            assertEquals(1, origin.hits());
            assertTrue(metrics.hits() > hitsBefore);
        }
    }

    @Test
    void hitsFetchesFailuresAndRequestsByRouteAreExportedAtPrometheus() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            String id = register(origin.url());
            PrometheusText before = scrape();
            jwks(id, "");
            jwks(id, "");
            origin.failing(500);
            clock.advance(Duration.ofMinutes(6));
            jwks(id, "");

            PrometheusText after = scrape();
            assertMoved(before, after, 1, "verifier_registry_jwks_fetches_total");
            assertMoved(before, after, 1, "verifier_registry_jwks_cache_hits_total");
            assertMoved(before, after, 1, "verifier_registry_jwks_fetch_failures_total");
            assertMoved(before, after, 3, "http_server_requests_seconds_count",
                    "uri", "/clients/{clientId}/jwks", "method", "GET", "status", "200");
        }
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(http.get("/prometheus", null).raw().body());
    }

    private static void assertMoved(PrometheusText before, PrometheusText after, double by, String name,
                                    String... labels) {
        assertEquals(by, after.sum(name, labels) - before.sum(name, labels), 1e-9, name);
    }

    @Test
    void maxAgeIsHonoured() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin().cacheControl("public, max-age=600")) {
            String id = register(origin.url());
            jwks(id, "");
            clock.advance(Duration.ofSeconds(590));
            jwks(id, "");
            assertEquals(1, origin.hits());
            clock.advance(Duration.ofSeconds(20));
            jwks(id, "");
            assertEquals(2, origin.hits());
        }
    }

    @Test
    void maxAgeIsClampedToFiveMinutesAndOneDay() throws Exception {
        try (TestJwksOrigin shortLived = new TestJwksOrigin().cacheControl("max-age=10");
             TestJwksOrigin longLived = new TestJwksOrigin().cacheControl("max-age=9999999")) {
            String shortId = register(shortLived.url());
            String longId = register(longLived.url());
            jwks(shortId, "");
            jwks(longId, "");
            clock.advance(Duration.ofSeconds(60));
            jwks(shortId, "");
            assertEquals(1, shortLived.hits(), "max-age=10 is raised to 5 minutes");
            clock.advance(Duration.ofMinutes(5));
            jwks(shortId, "");
            assertEquals(2, shortLived.hits());
            clock.advance(Duration.ofHours(24));
            jwks(longId, "");
            assertEquals(2, longLived.hits(), "max-age beyond a day is lowered to 24 h");
        }
    }

    @Test
    void unknownKidRefetchesAtMostOncePerInterval() throws Exception {
        RSAKey k1 = TestJwksOrigin.rsa("k1");
        try (TestJwksOrigin origin = new TestJwksOrigin().keys(k1)) {
            String id = register(origin.url());
            jwks(id, "");
            origin.keys(k1, TestJwksOrigin.rsa("k2"));
            assertFalse(jwks(id, "?kid=k2").contains("\"k2\""), "no refetch within the interval of the first fetch");
            assertEquals(1, origin.hits());
            clock.advance(Duration.ofSeconds(61));
            assertTrue(jwks(id, "?kid=k2").contains("\"k2\""), "unknown kid refetched");
            assertEquals(2, origin.hits());
            assertTrue(jwks(id, "?kid=k3").contains("\"k2\""));
            jwks(id, "?refresh=true");
            assertEquals(2, origin.hits(), "no second refetch within the interval");
            clock.advance(Duration.ofSeconds(61));
            jwks(id, "?kid=k3");
            assertEquals(3, origin.hits());
        }
    }

    @Test
    void reportedSignatureFailureRefetches() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            String id = register(origin.url());
            jwks(id, "");
            clock.advance(Duration.ofSeconds(61));
            origin.keys(TestJwksOrigin.rsa("rotated"));
            assertTrue(jwks(id, "?refresh=true").contains("\"rotated\""));
            assertEquals(2, origin.hits());
        }
    }

    @Test
    void lastGoodSetIsServedWhileTheOriginIsDown() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            String id = register(origin.url());
            jwks(id, "");
            origin.failing(500);
            clock.advance(Duration.ofMinutes(6));
            double failures = metrics.failures();
            assertTrue(jwks(id, "").contains("\"k1\""), "stale set served");
            assertEquals(2, origin.hits());
            assertTrue(metrics.failures() > failures);
            assertTrue(jwks(id, "").contains("\"k1\""));
            assertEquals(2, origin.hits(), "a failed origin is not asked again within the interval");
        }
    }

    @Test
    void noSetYetAndOriginDownAnswersTemporarilyUnavailable() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin().failing(503)) {
            assertUnavailable(register(origin.url()), "could not be used");
        }
    }

    @Test
    void oversizeBodyIsRefused() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            origin.raw("{\"keys\": [], \"padding\": \"" + "x".repeat(70_000) + "\"}");
            assertUnavailable(register(origin.url()), "could not be used");
        }
    }

    @Test
    void redirectIsNotFollowed() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            assertUnavailable(register(origin.redirectUrl()), "could not be used");
            assertEquals(1, origin.hits(), "only the redirect was requested");
        }
    }

    @Test
    void slowOriginTimesOut() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin().delay(2500)) {
            assertUnavailable(register(origin.url()), "could not be used");
        }
    }

    @Test
    void setWithPrivateKeyIsRefused() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            origin.raw(new JWKSet(TestJwksOrigin.rsa("p")).toString(false));
            assertUnavailable(register(origin.url()), "private key");
        }
    }

    @Test
    void setWithSymmetricKeyIsRefused() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).keyID("s").generate();
            origin.raw(new JWKSet(oct).toString(false));
            assertUnavailable(register(origin.url()), "symmetric key");
        }
    }

    @Test
    void concurrentReadsFetchOnce() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin().delay(300)) {
            String id = register(origin.url());
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<String>> reads = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    reads.add(pool.submit(() -> jwks(id, "")));
                }
                for (Future<String> read : reads) {
                    assertTrue(read.get().contains("\"k1\""));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, origin.hits());
        }
    }

    @Test
    void twoRegistryCopiesFetchOnceBetweenThem() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin().delay(400);
             EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties()), "test")) {
            String id = register(origin.url());
            RegistryHttp otherHttp = new RegistryHttp(other);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Answer>> reads = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    RegistryHttp copy = i % 2 == 0 ? http : otherHttp;
                    reads.add(pool.submit(() -> copy.get("/clients/" + id + "/jwks", TestTokens.reader())));
                }
                for (Future<Answer> read : reads) {
                    Answer answer = read.get();
                    assertEquals(200, answer.status(), answer.raw().body());
                    assertTrue(answer.raw().body().contains("\"k1\""));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, origin.hits());
        }
    }

    @Test
    void restartKeepsTheLastGoodSet() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            String id = register(origin.url());
            jwks(id, "");
            origin.failing(500);
            Map<String, Object> props = new HashMap<>(getProperties());
            props.remove("verifier.test.clock");
            try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
                Answer answer = new RegistryHttp(restarted).get("/clients/" + id + "/jwks", TestTokens.reader());
                assertEquals(200, answer.status(), answer.body().toString());
                assertTrue(answer.raw().body().contains("\"k1\""));
            }
            assertEquals(1, origin.hits());
        }
    }

    @Test
    void registeredJwksIsServedWithoutFetching() {
        RSAKey key = TestJwksOrigin.rsa("static");
        String body = "{\"redirect_uris\": [\"https://a.example/cb\"], \"token_endpoint_auth_method\": \"private_key_jwt\","
                + " \"jwks\": " + new JWKSet(key).toString(true) + "}";
        String id = http.post("/clients", TestTokens.admin(), body).string("client_id");
        String jwks = jwks(id, "");
        assertTrue(jwks.contains("\"static\""));
        assertFalse(jwks.contains("\"d\""));
    }

    @Test
    void jwksNeedsAReadOrAdminToken() throws Exception {
        try (TestJwksOrigin origin = new TestJwksOrigin()) {
            String id = register(origin.url());
            assertEquals(401, http.get("/clients/" + id + "/jwks", null).status());
            assertEquals(403, http.get("/clients/" + id + "/jwks", TestTokens.token().scope("openid").sign()).status());
            assertEquals(0, origin.hits());
        }
    }

    private String register(String jwksUri) {
        Answer created = http.post("/clients", TestTokens.admin(), TestClients.privateKeyJwt(jwksUri));
        assertEquals(201, created.status(), created.body().toString());
        return created.string("client_id");
    }

    private String jwks(String id, String query) {
        Answer answer = http.get("/clients/" + id + "/jwks" + query, TestTokens.reader());
        assertEquals(200, answer.status(), answer.raw().body());
        return answer.raw().body();
    }

    private void assertUnavailable(String id, String reason) {
        Answer answer = http.get("/clients/" + id + "/jwks", TestTokens.reader());
        assertEquals(503, answer.status(), answer.raw().body());
        assertEquals("temporarily_unavailable", answer.error());
        assertTrue(answer.description().contains(reason), answer.description());
    }
}
