package dev.verifier.token.grant.family;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates grant families, records their access tokens, and revokes a family with everything in it. */
@Singleton
public class GrantFamilies {

    private static final Logger AUDIT = LoggerFactory.getLogger("audit");

    private final GrantFamilyRepository families;
    private final Clock clock;

    GrantFamilies(GrantFamilyRepository families, Clock clock) {
        this.families = families;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void create(GrantFamily family) {
        families.save(family);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addAccessToken(String familyId, String jti, Instant expiresAt) {
        families.addAccessToken(jti, familyId, expiresAt);
    }

    @Transactional
    public Optional<GrantFamily> find(String familyId) {
        return families.findById(familyId);
    }

    /** Revokes the family: its refresh tokens stop working and its access tokens go on the revocation list. */
    @Transactional
    public void revoke(String familyId, String reason) {
        Instant now = clock.instant();
        families.revoke(familyId, now);
        int tokens = families.revokeAccessTokens(familyId, now);
        AUDIT.warn("audit event=grant_revoked family={} reason={} access_tokens={}", familyId, reason, tokens);
    }

    @Transactional
    public int purgeExpired() {
        return families.purge(clock.instant());
    }
}
