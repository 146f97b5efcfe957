package dev.verifier.token.grant.family;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.token.verify.RevocationList;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Creates grant families, records their access tokens, and revokes a family with everything in it. */
@Singleton
public class GrantFamilies {

    private final GrantFamilyRepository families;
    private final Clock clock;
    private final AuditEvents audit;
    private final RevocationList revocations;

    GrantFamilies(GrantFamilyRepository families, Clock clock, AuditEvents audit, RevocationList revocations) {
        this.families = families;
        this.clock = clock;
        this.audit = audit;
        this.revocations = revocations;
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

    /**
     * Revokes the family: its refresh tokens stop working and its access tokens that a validator may still accept go
     * on the revocation list.
     */
    @Transactional
    public void revoke(String familyId, String reason) {
        families.revoke(familyId, clock.instant());
        int tokens = families.revokeAccessTokens(familyId, revocations.acceptedIfExpiredAfter());
        Optional<GrantFamily> family = families.findById(familyId);
        audit.event(AuditType.GRANT_FAMILY_REVOKED).actor("system")
                .client(family.map(GrantFamily::clientId).orElse(null))
                .subject(family.map(GrantFamily::subject).orElse(null))
                .detail("family", familyId).detail("reason", reason).detail("access_tokens_revoked", tokens).emit();
    }

    /** The subject's families still in use (not revoked, not past their absolute lifetime). */
    @Transactional
    public java.util.List<GrantFamily> live(String subject) {
        return families.findLive(subject, clock.instant());
    }

    /**
     * Deletes the families past their absolute lifetime (with everything in them) and, in the others, the records of
     * access tokens that no validator accepts any more: one is written per access token issued (every refresh), and
     * only those still accepted are revoked with their family.
     */
    @Transactional
    public int purgeExpired() {
        return families.purge(clock.instant()) + families.purgeAccessTokens(revocations.acceptedIfExpiredAfter());
    }
}
