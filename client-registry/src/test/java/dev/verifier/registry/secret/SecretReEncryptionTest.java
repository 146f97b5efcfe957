package dev.verifier.registry.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.verifier.registry.client.ClientRecord;
import dev.verifier.registry.client.ClientRepository;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.SecretsCipher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * After a key-ring rotation (new key first, old key kept), the registry re-encrypts the client_secret_jwt secrets
 * still under the old key: same secret, new key, so the old key can leave the ring. Own database.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretReEncryptionTest implements RegistryTest {

    static final String OLD = SecretsCipher.newKeyRingEntry("old");
    static final String NEW = SecretsCipher.newKeyRingEntry("new");

    @Inject
    SecretReEncryption reEncryption;
    @Inject
    ClientRepository clients;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("verifier.secrets.key", NEW + "," + OLD,
                "datasources.default.url", "jdbc:h2:mem:reencrypt;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    ClientRecord jwtClient(String ciphertext, String keyId) {
        // the run the service starts at start-up must be over, or it may re-encrypt this client before the test does
        reEncryption.startupRun().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return clients.save(new ClientRecord("c-" + UUID.randomUUID(), "{}", "client_secret_jwt", null, ciphertext,
                keyId, false, now, now));
    }

    @Test
    void secretsUnderTheOldKeyAreReEncryptedUnderTheNewOneAndStayTheSame() {
        SecretsCipher oldOnly = SecretsCipher.fromKeyRing(OLD);
        SecretsCipher newOnly = SecretsCipher.fromKeyRing(NEW);
        String secret = ClientSecrets.generate();
        ClientRecord underOld = jwtClient(oldOnly.encrypt(secret), "old");
        String alreadyNew = newOnly.encrypt(secret);
        ClientRecord underNew = jwtClient(alreadyNew, "new");

        assertEquals(1, reEncryption.run());

        ClientRecord moved = clients.findById(underOld.clientId()).orElseThrow();
        assertEquals("new", moved.secretKeyId());
        assertTrue(moved.secretCiphertext().startsWith("v1.new."), moved.secretCiphertext());
        assertEquals(secret, newOnly.decrypt(moved.secretCiphertext()), "the same secret, readable without old");
        assertThrows(IllegalArgumentException.class, () -> oldOnly.decrypt(moved.secretCiphertext()));
        assertEquals(alreadyNew, clients.findById(underNew.clientId()).orElseThrow().secretCiphertext(),
                "a secret under the current key is left alone");
        assertEquals(0, reEncryption.run(), "nothing left to do");
    }

    @Test
    void secretUnderAKeyNotInTheRingIsLeftAndTheOthersAreStillDone() {
        SecretsCipher lost = SecretsCipher.fromKeyRing(SecretsCipher.newKeyRingEntry("lost"));
        ClientRecord unreadable = jwtClient(lost.encrypt("whatever-secret"), "lost");
        ClientRecord underOld = jwtClient(SecretsCipher.fromKeyRing(OLD).encrypt(ClientSecrets.generate()), "old");

        assertEquals(1, reEncryption.run());

        assertEquals("lost", clients.findById(unreadable.clientId()).orElseThrow().secretKeyId());
        assertEquals("new", clients.findById(underOld.clientId()).orElseThrow().secretKeyId());
    }
}
