package dev.verifier.authorize.par;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Par;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.testsupport.AuditLog;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Without VERIFIER_SECRETS_KEY the service still starts and serves /par; only client_secret_jwt, whose secret it cannot
 * read, fails (invalid_client), while the other methods work.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.secrets.key", value = "")
class ParWithoutSecretsKeyTest extends FrontChannelTest {

    @Inject
    JsonMapper mapper;

    @Test
    void clientSecretJwtIsRefusedAndClientSecretBasicStillWorks() throws Exception {
        String secret = ClientSecrets.generate();
        // encrypted under the key application-test.yml would give: with that key this assertion would pass
        SecretsCipher testKey = SecretsCipher.fromKeyRing("test:Zm9yLXRlc3RzLW9ubHktMzItYnl0ZXMtb2Yta2V5ISE");
        RegisteredClient jwt = new ClientBuilder().authMethod("client_secret_jwt")
                .secretCiphertext(testKey.encrypt(secret)).build();
        RegisteredClient basic = new ClientBuilder().secretHash(ClientSecrets.hash(secret)).build();
        registry.put(jwt);
        registry.put(basic);
        Par par = new Par(server.getURL().toString(), mapper);

        Map<String, List<String>> assertion = new ClientSecretJWT(new ClientID(jwt.clientId()),
                URI.create("http://localhost:9000/par"), JWSAlgorithm.HS256, new Secret(secret)).toParameters();
        try (AuditLog audit = AuditLog.start()) {
            Par.Answer refused = par.push(Par.form(AuthorizeUrls.valid(jwt), assertion), null);
            assertEquals(401, refused.status(), refused.body().toString());
            assertEquals("invalid_client", refused.body().get("error"));
            assertEquals("method_unavailable", audit.reason("client_auth_failed", jwt.clientId()),
                    "no key to read the secret with, not a wrong secret");
        }

        Par.Answer accepted = par.push(Par.form(AuthorizeUrls.valid(basic), Map.of()),
                Par.basic(basic.clientId(), secret));
        assertEquals(201, accepted.status(), accepted.body().toString());
    }
}
