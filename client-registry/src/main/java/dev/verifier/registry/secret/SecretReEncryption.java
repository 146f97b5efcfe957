package dev.verifier.registry.secret;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.verifier.registry.client.ClientRecord;
import dev.verifier.registry.client.ClientRepository;
import dev.verifier.registry.client.ClientStore;
import dev.verifier.registry.event.ClientEvents;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.event.ClientChanged.Change;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a {@code VERIFIER_SECRETS_KEY} rotation (a new key first in the ring), re-encrypts every stored
 * {@code client_secret_jwt} secret still under an older key, so that key can later leave the ring. Runs at start-up,
 * off the start-up thread; each client in its own locked transaction with a {@code ClientChanged} event (the other
 * services drop their cached ciphertext), so copies starting together do not undo each other's work. The secret
 * itself does not change: clients notice nothing. A ciphertext whose key is not in the ring is logged and left.
 */
@Singleton
public class SecretReEncryption {

    private static final Logger LOG = LoggerFactory.getLogger(SecretReEncryption.class);

    private final ClientRepository clients;
    private final ClientStore store;
    private final ClientEvents events;
    private final SecretsCipher cipher;
    private final Clock clock;
    private final ExecutorService background;

    SecretReEncryption(ClientRepository clients, ClientStore store, ClientEvents events, SecretsCipher cipher,
                       Clock clock,
                       @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.clients = clients;
        this.store = store;
        this.events = events;
        this.cipher = cipher;
        this.clock = clock;
        this.background = background;
    }

    private final java.util.concurrent.CompletableFuture<Void> startupRun = new java.util.concurrent.CompletableFuture<>();

    @EventListener
    void onStartup(StartupEvent event) {
        background.execute(() -> {
            try {
                runLogged();
            } finally {
                startupRun.complete(null);
            }
        });
    }

    /** Completes when the run started at start-up has ended (for whoever must not race it, e.g. a test). */
    public java.util.concurrent.CompletableFuture<Void> startupRun() {
        return startupRun;
    }

    private void runLogged() {
        try {
            int done = run();
            if (done > 0) {
                LOG.info("re-encrypted {} client secret(s) under key {}", done, cipher.currentKeyId());
            }
        } catch (RuntimeException e) {
            LOG.error("re-encryption of client secrets stopped: {}", e.toString());
        }
    }

    /** Re-encrypts what needs it; the number of secrets re-encrypted. */
    public int run() {
        List<String> pending = clients.findIdsWithSecretNotUnderKey(cipher.currentKeyId());
        int done = 0;
        for (String clientId : pending) {
            try {
                if (reEncrypt(clientId)) {
                    done++;
                }
            } catch (IllegalArgumentException e) {
                LOG.error("client {}: its secret cannot be decrypted with VERIFIER_SECRETS_KEY ({}); left as it is",
                        clientId, e.getMessage());
            } catch (OAuthException e) { // deleted meanwhile
                LOG.debug("client {} is gone; nothing to re-encrypt", clientId);
            }
        }
        if (!pending.isEmpty()) {
            events.publishSoon();
        }
        return done;
    }

    private boolean reEncrypt(String clientId) {
        return store.locked(clientId, old -> {
            if (old.secretCiphertext() == null || !cipher.needsReEncryption(old.secretCiphertext())) {
                return false; // another copy did it meanwhile
            }
            String ciphertext = cipher.encrypt(cipher.decrypt(old.secretCiphertext()));
            store.replace(new ClientRecord(clientId, old.metadata(), old.authMethod(), old.secretHash(), ciphertext,
                    cipher.currentKeyId(), old.firstParty(), old.createdAt(), clock.instant()), false, Change.UPDATED);
            return true;
        });
    }
}
