package dev.verifier.registry.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import dev.verifier.registry.support.TestTokens;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

/** The former fixed list of known scopes stops client-registry at start-up, saying what to do instead. */
class RetiredKnownScopesTest {

    @Test
    void startWithKnownScopesSetFailsNamingTheSettingAndTheWayOut() {
        Map<String, Object> props = new HashMap<>(SharedKafka.properties());
        props.put("verifier.urls.token-service", TestTokens.baseUrl());
        props.put("datasources.default.url", "jdbc:h2:mem:retired;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        props.put("verifier.registration.known-scopes", "openid,notes.read,notes.write");

        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(props, Environment.TEST)) {
                // started: the setting was ignored
            }
        });
        String message = messages(failure);
        assertTrue(message.contains("verifier.registration.known-scopes (VERIFIER_REGISTRATION_KNOWN_SCOPES) is no "
                + "longer read"), message);
        assertTrue(message.contains("register each API with the scopes your clients use (POST /apis"), message);
    }

    @Test
    void startWithoutItSucceeds() {
        Map<String, Object> props = new HashMap<>(SharedKafka.properties());
        props.put("verifier.urls.token-service", TestTokens.baseUrl());
        props.put("datasources.default.url", "jdbc:h2:mem:not-retired;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (ApplicationContext context = ApplicationContext.run(props, Environment.TEST)) {
            assertTrue(context.isRunning());
        }
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
