package dev.verifier.token.code;

import java.time.Clock;
import java.time.Instant;

import dev.verifier.token.clientauth.DatabaseJtiStore;
import dev.verifier.token.config.TokenConfiguration;
import dev.verifier.token.grant.family.GrantFamilies;
import dev.verifier.token.verify.RevocationList;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has expired, every {@code verifier.token.purge-interval} from {@code purge-first-after} after start-up
 * on, in every copy (the deletes are idempotent):
 * unused codes past their expiry, used codes after {@code consumed-code-retention} (kept to detect reuse), assertion
 * jtis and grant families past their expiry, and revocation-list entries and the families' access-token records once
 * no validator accepts those tokens ({@link RevocationList#acceptedIfExpiredAfter}).
 */
@Singleton
class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final ReceivedCodeRepository codes;
    private final DatabaseJtiStore jtis;
    private final RevocationList revocations;
    private final GrantFamilies families;
    private final TokenConfiguration config;
    private final TaskScheduler scheduler;
    private final Clock clock;

    Housekeeping(ReceivedCodeRepository codes, DatabaseJtiStore jtis, RevocationList revocations,
                 GrantFamilies families, TokenConfiguration config, @Named("scheduled") TaskScheduler scheduler,
                 Clock clock) {
        this.codes = codes;
        this.jtis = jtis;
        this.revocations = revocations;
        this.families = families;
        this.config = config;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        scheduler.scheduleWithFixedDelay(config.purgeFirstAfter(), config.purgeInterval(), this::purgeQuietly);
    }

    @Transactional
    int purgeCodes() {
        Instant now = clock.instant();
        return codes.purge(now, now.minus(config.consumedCodeRetention()));
    }

    void purge() {
        int purged = purgeCodes() + jtis.purgeExpired() + revocations.purgeExpired() + families.purgeExpired();
        LOG.debug("purged {} expired rows", purged);
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("purge failed; will retry", e);
        }
    }
}
