package dev.verifier.token.grant.authorizationcode;

import java.time.Duration;
import java.util.List;

import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.token.config.TokenConfiguration;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * At redemption the code's event is checked against the client as registered now (defence in depth behind the
 * authenticated event): the scope is within the client's registered scope and holds no internal admin scope, the
 * {@code redirect_uri} is one the client registered, and the code lived no longer than
 * {@code verifier.token.code-lifetime}. A failed check is audited with its reason and answers {@code invalid_grant}.
 */
@Singleton
class RedemptionChecks {

    private final Duration maxLifetime;
    private final AuditEvents audit;

    RedemptionChecks(TokenConfiguration config, AuditEvents audit) {
        this.maxLifetime = config.codeLifetime();
        this.audit = audit;
    }

    void check(CodeIssued event, RegisteredClient client) {
        String problem = problem(event, client);
        if (problem != null) {
            audit.event(AuditType.CODE_EVENT_REFUSED).failure().actor(client.clientId()).client(client.clientId())
                    .detail("reason", problem).emit();
            throw AuthorizationCodeGrant.invalidGrant();
        }
    }

    @Nullable
    private String problem(CodeIssued event, RegisteredClient client) {
        Scopes granted = Scopes.parse(event.scope());
        if (!granted.isSubsetOf(Scopes.parse(client.metadata().scope()))) {
            return "scope_not_registered";
        }
        if (!AdminScopes.internal(granted.values()).isEmpty()) {
            return "internal_scope";
        }
        List<String> redirects = client.metadata().redirectUris();
        if (redirects == null || !redirects.contains(event.redirectUri())) {
            return "redirect_uri_not_registered";
        }
        Duration lifetime = Duration.between(event.issuedAt(), event.expiresAt());
        if (lifetime.isNegative() || lifetime.compareTo(maxLifetime) > 0) {
            return "code_lifetime_too_long";
        }
        return null;
    }
}
