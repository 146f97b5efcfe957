package dev.verifier.token.issue;

import java.util.List;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.api.AudienceRules;
import dev.verifier.shared.api.AudienceRules.Holder;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.token.config.TokenConfiguration;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The audience of each token token-service issues, by shared-model's {@link AudienceRules} (the one place of the
 * rules) over the registered APIs: for a user grant, the resources the authorization granted, or the ones of them the
 * token request names with {@code resource} (down-scoping); for {@code client_credentials}, the APIs named with
 * {@code resource} or owning the scope asked, and the admin audiences of internal scopes.
 */
@Singleton
public class Audiences {

    private final AudienceRules rules;
    private final VerifierUrls urls;
    private final TokenConfiguration config;

    Audiences(AudienceRules rules, VerifierUrls urls, TokenConfiguration config) {
        this.rules = rules;
        this.urls = urls;
        this.config = config;
    }

    /**
     * A user token for {@code asked} (within the grant's {@code grantScope}).
     *
     * @param grantedResources the resources of the authorization (the code event's {@code resources}); null for a
     *                         grant of a release before them: the APIs owning the grant's scope
     * @param requested        the token request's {@code resource} values (empty: every granted resource)
     */
    public Audience forUser(RegisteredClient client, Scopes grantScope, Scopes asked,
                            @Nullable List<String> grantedResources, List<String> requested) {
        Scopes clientScope = Scopes.parse(client.metadata().scope());
        List<String> resources = AudienceRules.parseResources(requested);
        List<String> granted = grantedResources != null ? grantedResources
                : rules.forRequest(Holder.USER, grantScope, List.of(), clientScope).resources();
        if (!resources.isEmpty()) {
            AudienceRules.requireGranted(resources, granted);
            return rules.narrowed(Holder.USER, asked, resources, clientScope);
        }
        return rules.forRequest(Holder.USER, asked, granted, clientScope);
    }

    /**
     * A client_credentials token: {@code scopeAsked} false means {@code scope} is the client's default, which a
     * {@code resource} narrows to the named APIs' scopes.
     */
    public Audience forClient(RegisteredClient client, Scopes scope, boolean scopeAsked, List<String> requested) {
        Scopes clientScope = Scopes.parse(client.metadata().scope());
        List<String> resources = AudienceRules.parseResources(requested);
        if (!scopeAsked && !resources.isEmpty()) {
            return rules.narrowed(Holder.CLIENT, scope, resources, clientScope);
        }
        return rules.forRequest(Holder.CLIENT, scope, resources, clientScope);
    }

    /** The {@code aud} claim of {@code audience}. */
    public List<String> aud(Audience audience) {
        return audience.aud(urls.issuerId());
    }

    /** The lifetime of a token for {@code audience}: the shortest of its audiences' (default: the configured one). */
    public java.time.Duration lifetime(Audience audience) {
        return audience.lifetime(config.accessTokenLifetime());
    }

    /** token-service's own admin audience (key rotation, the internal jti store). */
    public String tokenServiceAdmin() {
        return AdminScopes.adminAudience(VerifierUrls.strip(urls.tokenService()));
    }
}
