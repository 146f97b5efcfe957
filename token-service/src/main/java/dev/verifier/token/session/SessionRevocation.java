package dev.verifier.token.session;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.event.SessionEnded;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.token.backchannel.BackchannelDeliveries;
import dev.verifier.token.grant.family.GrantFamilies;
import dev.verifier.token.grant.family.GrantFamily;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * What an ended SSO session means here, in one transaction: the grant families issued in it (or, for every session
 * of the user, all of the user's families) are revoked at once — refresh and access tokens — except those with
 * {@code offline_access} unless the event says the user was deleted, disabled or changed password (then all are);
 * and every client that received tokens in an ended session gets one back-channel delivery row per session.
 */
@Singleton
class SessionRevocation {

    private final GrantFamilies families;
    private final BackchannelDeliveries deliveries;
    private final AuditEvents audit;

    SessionRevocation(GrantFamilies families, BackchannelDeliveries deliveries, AuditEvents audit) {
        this.families = families;
        this.deliveries = deliveries;
        this.audit = audit;
    }

    /** Answers how many deliveries were recorded. */
    @Transactional
    int apply(SessionEnded event) {
        List<GrantFamily> live = families.live(event.subject());
        Set<List<String>> toTell = new LinkedHashSet<>();
        int revoked = 0;
        for (GrantFamily family : live) {
            boolean inEndedSession = event.allSessions() || event.sessionId().equals(family.sessionId());
            if (!inEndedSession) {
                continue;
            }
            if (family.sessionId() != null) {
                toTell.add(List.of(family.clientId(), family.sessionId()));
            }
            if (event.revokeOffline() || !Scopes.parse(family.scope()).contains(Scopes.OFFLINE_ACCESS)) {
                families.revoke(family.id(), "session_ended:" + event.reason().toLowerCase(java.util.Locale.ROOT));
                revoked++;
            }
        }
        for (List<String> clientAndSid : toTell) {
            deliveries.add(event.eventId(), clientAndSid.get(0), event.subject(), clientAndSid.get(1));
        }
        audit.event(AuditType.SESSION_ENDED).actor("system").subject(event.subject())
                .detail("reason", event.reason()).detail("sid", event.sessionId())
                .detail("families_revoked", revoked).detail("backchannel_deliveries", toTell.size()).emit();
        return toTell.size();
    }
}
