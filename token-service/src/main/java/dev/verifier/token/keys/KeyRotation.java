package dev.verifier.token.keys;

import java.time.Clock;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first keys at start-up, re-reads the keys periodically, and rotates: a new key is inserted
 * {@code pre-publication} before it signs (so every /jwks has it first), the old one stays published until the
 * tokens it signed have expired, then is deleted. Runs in every copy; the inserts are idempotent per generation.
 */
@Singleton
public class KeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    private final SigningKeyStore store;
    private final KeyRing ring;
    private final KeysConfiguration config;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final AuditEvents audit;

    KeyRotation(SigningKeyStore store, KeyRing ring, KeysConfiguration config,
                @Named("scheduled") TaskScheduler scheduler, Clock clock, AuditEvents audit) {
        this.store = store;
        this.ring = ring;
        this.config = config;
        this.scheduler = scheduler;
        this.clock = clock;
        this.audit = audit;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Instant now = clock.instant();
        config.algorithms().forEach(alg -> store.ensureFirstKey(JWSAlgorithm.parse(alg), now));
        ring.reload();
        scheduler.scheduleWithFixedDelay(config.refreshInterval(), config.refreshInterval(), this::reloadQuietly);
        scheduler.scheduleWithFixedDelay(config.rotationCheck(), config.rotationCheck(), this::rotateIfDue);
    }

    /** Admin-triggered rotation: the next key of every algorithm, published now, signing after pre-publication. */
    public void rotateNow(String actor) {
        Instant now = clock.instant();
        config.algorithms().forEach(alg -> store.addNextKey(JWSAlgorithm.parse(alg), now,
                now.plus(config.prePublication())));
        ring.reload();
        audit.event(AuditType.KEY_ROTATED).actor(actor).client(actor).detail("trigger", "admin")
                .detail("algorithms", String.join(",", config.algorithms())).emit();
    }

    /**
     * Admin-triggered revocation of a compromised key: removed from the JWKS and never used again; if it was the
     * current key of its algorithm, a new one signs at once. Tokens it signed stop validating here now and at
     * resource servers when their JWKS cache is next refreshed; other token-service copies stop signing with it at
     * their next key reload ({@code verifier.keys.refresh-interval}).
     */
    public void revokeNow(String kid, String actor) {
        ring.reload(); // a key another copy made since this one last read them
        KeyStates states = ring.states();
        LoadedKey key = states.keys().stream().filter(k -> k.kid().equals(kid)).findFirst()
                .orElseThrow(() -> OAuthError.NOT_FOUND.exception("no signing key " + kid));
        boolean signing = states.state(key) == KeyStates.State.CURRENT;
        store.revoke(kid, key.alg(), signing ? clock.instant() : null);
        ring.reload();
        audit.event(AuditType.KEY_ROTATED).actor(actor).client(actor).detail("trigger", "revoke")
                .detail("revoked_kid", kid).detail("replaced", signing).emit();
    }

    void rotateIfDue() {
        try {
            Instant now = clock.instant();
            KeyStates states = ring.states();
            for (String name : config.algorithms()) {
                JWSAlgorithm alg = JWSAlgorithm.parse(name);
                states.newest(alg).ifPresent(newest -> {
                    Instant due = newest.activatesAt().plus(config.rotationPeriod());
                    Instant earliest = now.plus(config.prePublication());
                    if (!due.isAfter(earliest)) {
                        store.addNextKey(alg, now, earliest);
                        audit.event(AuditType.KEY_ROTATED).actor("system").detail("trigger", "schedule")
                                .detail("algorithms", name).emit();
                    }
                });
            }
            states.retired().forEach(k -> store.delete(k.kid()));
            ring.reload();
        } catch (RuntimeException e) {
            LOG.warn("key rotation check failed; will retry", e);
        }
    }

    private void reloadQuietly() {
        try {
            ring.reload();
        } catch (RuntimeException e) {
            LOG.warn("could not re-read the signing keys; keeping the ones in memory", e);
        }
    }
}
