package dev.verifier.token.grant.authorizationcode;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.token.code.ReceivedCode;
import dev.verifier.token.code.ReceivedCodeRepository;
import dev.verifier.token.config.TokenConfiguration;
import dev.verifier.token.grant.TokenResponse;
import dev.verifier.token.grant.UserTokens;
import dev.verifier.token.grant.family.GrantFamilies;
import dev.verifier.token.grant.family.GrantFamily;
import dev.verifier.token.grant.family.StoredGrant;
import dev.verifier.token.grant.family.StoredGrants;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The code exchange's one transaction: consume the code (atomically), create the family with its {@link StoredGrant}
 * (mapped from the code-issued event), issue the tokens.
 */
@Singleton
class CodeExchange {

    private final ReceivedCodeRepository codes;
    private final GrantFamilies families;
    private final StoredGrants storedGrants;
    private final UserTokens tokens;
    private final TokenConfiguration config;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditEvents audit;

    CodeExchange(ReceivedCodeRepository codes, GrantFamilies families, StoredGrants storedGrants, UserTokens tokens,
                 TokenConfiguration config, JsonMapper json, Clock clock, AuditEvents audit) {
        this.codes = codes;
        this.families = families;
        this.storedGrants = storedGrants;
        this.tokens = tokens;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Empty when another request consumed the code first. {@code jkt}: the key of the request's DPoP proof; the
     * access token is bound to it, and so is the family's refresh token when the client is public (RFC 9449 §5).
     */
    @Transactional
    Optional<TokenResponse> redeem(ReceivedCode code, CodeIssued event, RegisteredClient client, Audience audience,
                                   @Nullable String jkt) {
        Instant now = clock.instant();
        String familyId = RandomTokens.timeOrderedUuid(now);
        if (codes.consume(code.codeHash(), now, familyId) != 1) {
            return Optional.empty();
        }
        StoredGrant grant = StoredGrant.from(event);
        GrantFamily family = new GrantFamily(familyId, client.clientId(), event.subject(), event.scope(),
                event.authTime(), code.event(), now, now.plus(config.refreshAbsoluteLifetime()), null, event.sessionId(),
                storedGrants.write(grant), client.isPublic() ? jkt : null);
        families.create(family);
        Scopes scope = Scopes.parse(event.scope());
        UserTokens.Issued issued = tokens.issue(client, family, grant, audience,
                UserTokens.refreshAllowed(client, scope) ? scope : null, scope.contains(Scopes.OPENID),
                event.nonce(), jkt);
        audit.event(AuditType.TOKENS_ISSUED).actor(client.clientId()).client(client.clientId())
                .subject(event.subject()).detail("grant_type", "authorization_code").detail("scope", audience.scope())
                .detail("jti", issued.accessToken().jti()).detail("family", familyId)
                .detail("refresh_issued", issued.response().refreshToken() != null).emit();
        return Optional.of(issued.response());
    }

    @Transactional
    ReceivedCode reload(String codeHash) {
        return codes.findById(codeHash).orElseThrow(AuthorizationCodeGrant::invalidGrant);
    }

    CodeIssued event(ReceivedCode code) {
        try {
            return json.readValue(code.event(), CodeIssued.class);
        } catch (IOException e) {
            throw AuthorizationCodeGrant.invalidGrant();
        }
    }
}
