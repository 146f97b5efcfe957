package dev.verifier.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Map;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Clients stored before scopes were data may hold scopes of no API: the registry finds them for its start-up warning. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnregisteredScopesTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ClientRepository clients;
    @Inject
    UnregisteredScopes unregistered;

    @Test
    void scopesOfStoredClientsThatNoApiDefinesAreCountedPerScope() {
        TestApis.Api api = TestApis.unique();
        String legacy = TestApis.unique().read();
        RegistryHttp http = new RegistryHttp(server);
        http.post("/apis", TestTokens.admin(), api.body());
        http.post("/clients", TestTokens.admin(), TestApis.clientWithScope("openid " + api.read()));
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) { // stored by an earlier release, which knew the scope from its fixed list
            clients.save(new ClientRecord("legacy-" + i + "-" + legacy, "{\"scope\":\"openid registry.read " + legacy
                    + " " + legacy + "\"}", "none", null, null, null, false, now, now));
        }

        Map<String, Integer> found = unregistered.find();

        assertEquals(2, found.get(legacy));
        assertFalse(found.containsKey(api.read()), "a registered API defines it");
        assertFalse(found.containsKey("openid") || found.containsKey("registry.read"), "OIDC and internal scopes");
    }
}
