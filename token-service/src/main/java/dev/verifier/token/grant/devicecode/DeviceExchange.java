package dev.verifier.token.grant.devicecode;

import java.time.Instant;
import java.util.Optional;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.event.DeviceGrantEvent;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.token.config.TokenConfiguration;
import dev.verifier.token.device.DeviceGrantRecord;
import dev.verifier.token.device.DeviceGrants;
import dev.verifier.token.grant.TokenResponse;
import dev.verifier.token.grant.UserTokens;
import dev.verifier.token.grant.family.GrantFamilies;
import dev.verifier.token.grant.family.GrantFamily;
import dev.verifier.token.grant.family.StoredGrant;
import dev.verifier.token.grant.family.StoredGrants;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The device grant's one transaction, as the code exchange's: take the approval (atomically, once), create the grant
 * family with its {@link StoredGrant}, issue the tokens with {@link UserTokens} (access token per the audience rules,
 * ID token with {@code openid}, refresh token when the client may have one).
 */
@Singleton
class DeviceExchange {

    private final DeviceGrants grants;
    private final GrantFamilies families;
    private final StoredGrants storedGrants;
    private final UserTokens tokens;
    private final TokenConfiguration config;
    private final AuditEvents audit;

    DeviceExchange(DeviceGrants grants, GrantFamilies families, StoredGrants storedGrants, UserTokens tokens,
                   TokenConfiguration config, AuditEvents audit) {
        this.grants = grants;
        this.families = families;
        this.storedGrants = storedGrants;
        this.tokens = tokens;
        this.config = config;
        this.audit = audit;
    }

    /**
     * Empty when another request redeemed the approval first. {@code jkt}: the key of the poll's DPoP proof; the
     * access token is bound to it, and so is the family's refresh token when the client is public (RFC 9449 §5).
     */
    @Transactional
    Optional<TokenResponse> redeem(DeviceGrantRecord row, DeviceGrantEvent event, RegisteredClient client,
                                   Audience audience, Instant now, @Nullable String jkt) {
        if (!grants.redeem(row, now)) {
            return Optional.empty();
        }
        DeviceGrantEvent.Approval approval = event.approval();
        StoredGrant grant = new StoredGrant(approval.acr(), approval.amr(), approval.claims(), event.resources());
        String familyId = RandomTokens.timeOrderedUuid(now);
        GrantFamily family = new GrantFamily(familyId, client.clientId(), approval.subject(), event.scope(),
                approval.authTime(), row.event(), now, now.plus(config.refreshAbsoluteLifetime()), null,
                approval.sessionId(), storedGrants.write(grant), client.isPublic() ? jkt : null);
        families.create(family);
        Scopes scope = Scopes.parse(event.scope());
        UserTokens.Issued issued = tokens.issue(client, family, grant, audience,
                UserTokens.refreshAllowed(client, scope) ? scope : null, scope.contains(Scopes.OPENID), null, jkt);
        audit.event(AuditType.TOKENS_ISSUED).actor(client.clientId()).client(client.clientId())
                .subject(approval.subject()).detail("grant_type", GrantType.DEVICE_CODE.value())
                .detail("scope", audience.scope()).detail("jti", issued.accessToken().jti())
                .detail("family", familyId).detail("refresh_issued", issued.response().refreshToken() != null).emit();
        return Optional.of(issued.response());
    }
}
