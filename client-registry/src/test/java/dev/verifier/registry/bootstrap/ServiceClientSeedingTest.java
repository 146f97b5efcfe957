package dev.verifier.registry.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.crypto.ClientSecrets;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * authorize-service's own service client is seeded like the bootstrap admin client, with registry.read jti.record
 * only and the issuer as introspection audience; both are verifier_admin; a weak secret for either stops
 * client-registry at start-up saying what to set.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceClientSeedingTest implements RegistryTest {

    static final String ADMIN_SECRET = "bootstrap-" + "x7Rq2mVw9LpZ4tNc8KsH3dFj6GbY1eUa";
    static final String AUTHORIZE_SECRET = "authorize-" + "Qm4Zt8Vn2Lw6Rk9Hs3Jd7Fb1Gc5Xp0Ye";

    @Inject
    EmbeddedServer server;
    @Inject
    VerifierUrls urls;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("verifier.admin.client-id", "seed-admin", "verifier.admin.client-secret", ADMIN_SECRET,
                "verifier.authorize.client-id", "seed-authorize", "verifier.authorize.client-secret",
                AUTHORIZE_SECRET);
    }

    @Test
    void authorizeServiceClientHasRegistryReadAndJtiRecordOnlyAndIsVerifierAdmin() {
        Map<String, Object> client = new RegistryHttp(server).get("/clients/seed-authorize", TestTokens.reader()).body();
        assertTrue(ClientSecrets.matches(AUTHORIZE_SECRET, (String) client.get("secret_hash")));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) client.get("metadata");
        assertEquals("registry.read jti.record", metadata.get("scope"));
        assertEquals(List.of("client_credentials"), metadata.get("grant_types"));
        assertEquals(true, metadata.get("verifier_admin"));
        assertEquals(List.of(urls.issuerId()), metadata.get("introspection_audiences"),
                "its /userinfo asks token-service whether an access token for the issuer was revoked");
    }

    @Test
    void bootstrapAdminClientIsVerifierAdmin() {
        Map<String, Object> client = new RegistryHttp(server).get("/clients/seed-admin", TestTokens.reader()).body();
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) client.get("metadata");
        assertEquals(true, metadata.get("verifier_admin"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "verifier.admin.client-secret, CHANGE-ME, VERIFIER_ADMIN_CLIENT_SECRET is a placeholder",
            "verifier.admin.client-secret, CHANGE-ME-at-least-32-random-characters, VERIFIER_ADMIN_CLIENT_SECRET is a placeholder",
            "verifier.admin.client-secret, short-but-random-Zq81, VERIFIER_ADMIN_CLIENT_SECRET is shorter than 32 characters",
            "verifier.authorize.client-secret, password1234567890password1234567890, VERIFIER_AUTHORIZE_CLIENT_SECRET is a placeholder"})
    void weakSecretStopsTheStartSayingWhatToSet(String property, String secret, String problem) {
        Map<String, Object> props = new HashMap<>(getProperties());
        props.put(property, secret);
        props.put("micronaut.server.port", "-1");
        Exception refused = assertThrows(Exception.class,
                () -> ApplicationContext.builder().properties(props).environments("test").start().close());
        String messages = messages(refused);
        assertTrue(messages.contains(problem), messages);
        assertTrue(messages.contains("at least 32 characters"), messages);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
