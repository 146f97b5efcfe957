package dev.verifier.token.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.verifier.token.support.Http;
import dev.verifier.token.support.TokenServiceTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Signing keys: generated on first start, stored encrypted, shared by every copy, published in /jwks. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "JwksTest")
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:jwks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class JwksTest implements TokenServiceTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    SigningKeyRepository repository;
    @Inject
    KeysConfiguration config;

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keys(Http.Answer answer) {
        return (List<Map<String, Object>>) answer.json().get("keys");
    }

    @Test
    void jwksPublishesOneRs256AndOneEs256PublicKeyWithCacheControl() {
        Http.Answer answer = new Http(server.getURI(), json).get("/jwks");

        assertEquals(200, answer.status());
        List<Map<String, Object>> keys = keys(answer);
        assertEquals(Set.of("RS256", "ES256"), keys.stream().map(k -> k.get("alg")).collect(Collectors.toSet()));
        keys.forEach(k -> {
            assertEquals("sig", k.get("use"));
            assertFalse(k.containsKey("d"), "no private key material");
            assertFalse(k.containsKey("p"), "no private key material");
        });
        assertEquals("public, max-age=" + config.jwksMaxAge().toSeconds(), answer.header("Cache-Control"));
        assertEquals(3570, config.jwksMaxAge().toSeconds(), "pre-publication (1h) minus refresh interval (30s)");
    }

    @Test
    void privateKeysAreStoredEncrypted() {
        List<SigningKey> stored = repository.findAllOrderByGeneration();

        assertEquals(2, stored.size());
        stored.forEach(k -> {
            assertTrue(k.privateJwk().startsWith("v1.test."), "AES-GCM under the secrets key");
            assertFalse(k.privateJwk().contains("\"d\""));
        });
    }

    @Test
    void twoCopiesStartingAtOnceOnAFreshDatabaseAgreeOnTheKeys() throws Exception {
        Map<String, Object> props = new HashMap<>(getProperties());
        props.put("spec.name", "JwksTest");
        props.put("micronaut.server.port", "-1");
        props.put("datasources.default.url",
                "jdbc:h2:mem:jwksrace;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> ApplicationContext.run(EmbeddedServer.class, props, "test"));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> ApplicationContext.run(EmbeddedServer.class, props, "test"));
        try (EmbeddedServer a = first.get(); EmbeddedServer b = second.get()) {
            List<Map<String, Object>> keysA = keys(new Http(a.getURI(), json).get("/jwks"));
            assertEquals(2, keysA.size());
            assertEquals(keysA, keys(new Http(b.getURI(), json).get("/jwks")));
        }
    }

    @Test
    void secondCopyOnTheSameDatabaseUsesTheSameKeys() {
        Map<String, Object> props = new HashMap<>(getProperties());
        props.put("spec.name", "JwksTest");
        props.put("micronaut.server.port", "-1");
        props.put("datasources.default.url",
                "jdbc:h2:mem:jwks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            Http.Answer first = new Http(server.getURI(), json).get("/jwks");
            Http.Answer other = new Http(second.getURI(), json).get("/jwks");

            assertEquals(keys(first), keys(other));
            assertEquals(2, repository.findAllOrderByGeneration().size());
        }
    }
}
