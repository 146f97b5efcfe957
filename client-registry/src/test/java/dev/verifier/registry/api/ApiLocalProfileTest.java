package dev.verifier.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In the local profile an API identifier may be plain {@code http} on loopback, as redirect URIs may: resource-api's
 * {@code http://localhost:9003}. The issuer and the other services' URLs and admin audiences stay reserved.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiLocalProfileTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    RegistryHttp http;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("verifier.profile.local", "true");
    }

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
    }

    @Test
    void httpOnLoopbackIsAcceptedAndElsewhereRefused() {
        String port = String.valueOf(20_000 + (int) (Math.random() * 40_000));
        Answer local = http.post("/apis", TestTokens.admin(), TestApis.body("http://127.0.0.1:" + port,
                TestApis.unique().read()));
        assertEquals(201, local.status(), local.body().toString());

        Answer remote = http.post("/apis", TestTokens.admin(), TestApis.body("http://orders.example",
                TestApis.unique().read()));
        assertEquals(400, remote.status());
        assertEquals("identifier must use https (http only on loopback)", remote.description());
    }

    static List<String> reserved() {
        String tokenService = TestTokens.baseUrl();
        return List.of("http://localhost:9000", "http://localhost:9000/", "http://localhost:9000/admin",
                tokenService, tokenService + "/admin", "http://localhost:9002", "http://LOCALHOST:9002/admin");
    }

    @ParameterizedTest
    @MethodSource("reserved")
    void theIssuerAndVerifiersOwnServicesAreNoApi(String identifier) {
        Answer answer = http.post("/apis", TestTokens.admin(), TestApis.body(identifier, TestApis.unique().read()));
        assertEquals(400, answer.status(), identifier);
        assertEquals("invalid_request", answer.error());
        assertTrue(answer.description().contains("is the issuer or a URL of one of Verifier's own services"),
                answer.description());
    }
}
