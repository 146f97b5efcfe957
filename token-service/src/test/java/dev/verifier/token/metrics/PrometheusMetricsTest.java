package dev.verifier.token.metrics;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verifier.testsupport.PrometheusText;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** After real flows over HTTP and the broker, the counters at /prometheus moved by what happened. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "PrometheusMetricsTest")
class PrometheusMetricsTest extends TokenHttpTest {

    static final String SCOPE = "openid offline_access";

    @Inject
    CodeFlow codes;

    TestClients.Client service;
    TestClients.Client spa;

    @BeforeAll
    void setUp() {
        service = clients.register("client_secret_basic", "registry.read", "client_credentials");
        spa = clients.register("none", SCOPE, "authorization_code", "refresh_token");
    }

    PrometheusText scrape() {
        return PrometheusText.parse(http.get("/prometheus").raw().body());
    }

    @Test
    void grantsByTypeAndClientFailuresByErrorAndRequestsByRouteAndStatusMove() {
        PrometheusText before = scrape();

        assertEquals(200, codes.tokens(http, spa, SCOPE).status());
        assertEquals(200, http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(service.id(), service.secret())).status());
        assertEquals(401, http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(service.id(), "wrong-secret")).status());

        PrometheusText after = scrape();
        assertMoved(before, after, 1, "verifier_tokens_issued_total",
                "grant_type", "authorization_code", "client_id", spa.id());
        assertMoved(before, after, 1, "verifier_tokens_issued_total",
                "grant_type", "client_credentials", "client_id", service.id());
        assertMoved(before, after, 1, "verifier_token_failures_total", "error", "invalid_client");
        assertMoved(before, after, 2, "http_server_requests_seconds_count",
                "uri", "/token", "method", "POST", "status", "200");
        assertMoved(before, after, 1, "http_server_requests_seconds_count",
                "uri", "/token", "method", "POST", "status", "401");
    }

    @Test
    void codeRedeemableLatencyIsAHistogramWithBuckets() {
        PrometheusText before = scrape();

        assertEquals(200, codes.tokens(http, spa, SCOPE).status());

        PrometheusText after = scrape();
        double counted = after.sum("verifier_code_redeemable_lag_seconds_count")
                - before.sum("verifier_code_redeemable_lag_seconds_count");
        assertTrue(counted >= 1, "lag recorded for the code: " + counted);
        assertTrue(after.sum("verifier_code_redeemable_lag_seconds_bucket", "le", "+Inf")
                > before.sum("verifier_code_redeemable_lag_seconds_bucket", "le", "+Inf"), "histogram buckets");
        assertTrue(after.samples().stream().filter(s -> s.name().equals("verifier_code_redeemable_lag_seconds_bucket"))
                .count() > 5, "several buckets");
        assertTrue(after.has("verifier_code_redeemable_lag_seconds_bucket", "le", "0.02"),
                "a bucket ends at the 20 ms objective");
    }

    @Test
    void kafkaConsumerLagAndSigningKeyAgeAreExported() {
        codes.tokens(http, spa, SCOPE);
        PrometheusText metrics = scrape();

        assertTrue(metrics.has("kafka_consumer_records_lag_max_records",
                "client_id", "token-service-code-issued-listener"), "consumer lag of the code-issued listener");
        for (String alg : new String[] {"RS256", "ES256"}) {
            double age = metrics.sum("verifier_signing_key_age_seconds", "alg", alg);
            assertTrue(age >= 0 && age < 3600, alg + " key age " + age);
        }
    }

    static void assertMoved(PrometheusText before, PrometheusText after, double by, String name, String... labels) {
        assertEquals(by, after.sum(name, labels) - before.sum(name, labels), 1e-9, name + " " + String.join(",", labels));
    }
}
