package dev.verifier.resource.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import dev.verifier.resource.support.ResourceApiTest;
import dev.verifier.shared.jose.NativeCrypto;
import dev.verifier.shared.runtime.security.VerifierJwksSignature;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * resource-api checks access-token signatures on the native provider where it loads (the launchers run it with C1
 * alone, under which the JDK's RSA check costs ten times the native one), and on the JDK's providers when
 * {@code verifier.resource-server.native-verification} is off; either way a token signed by token-service's key is
 * accepted, and one whose payload was swapped or that was signed by a key outside its JWKS is refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NativeVerificationTest implements ResourceApiTest {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signaturesAreCheckedOnTheNativeProvider() throws Exception {
        assertEquals(NativeCrypto.provider(), server.getApplicationContext().getBean(VerifierJwksSignature.class)
                .provider());
        assertChecks(server);
    }

    @Test
    void switchedOffTheJdkChecksThem() throws Exception {
        Map<String, Object> off = new HashMap<>(getProperties());
        off.put("verifier.resource-server.native-verification", "false");
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, off, "test")
                .getApplicationContext()) {
            assertTrue(context.getBean(VerifierJwksSignature.class).provider().isEmpty());
            assertChecks(context.getBean(EmbeddedServer.class));
        }
    }

    private void assertChecks(EmbeddedServer target) throws Exception {
        HttpResponse<String> accepted = me(target, TOKENS.token(AUDIENCE).sign());
        assertEquals(200, accepted.statusCode(), accepted.body());
        String[] parts = TOKENS.token(AUDIENCE).subject("alice").sign().split("\\.");
        String otherPayload = TOKENS.token(AUDIENCE).subject("mallory").sign().split("\\.")[1];
        HttpResponse<String> altered = me(target, parts[0] + "." + otherPayload + "." + parts[2]);
        assertEquals(401, altered.statusCode(), "a published key's signature over another payload: " + altered.body());
        HttpResponse<String> refused = me(target, TOKENS.token(AUDIENCE).signedWithUnpublishedKey().sign());
        assertEquals(401, refused.statusCode(), refused.body());
    }

    private HttpResponse<String> me(EmbeddedServer target, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + target.getPort() + "/api/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
