package dev.verifier.shared.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;

/**
 * The one place of the audience rules ("APIs are registered, scopes are data"; RFC 8707 resource indicators), used by
 * authorize-service at {@code /authorize} and {@code /par} and by token-service for every grant:
 * <ul>
 * <li>each {@code resource} is an absolute URI without fragment ({@link #parseResources}), the identifier of a
 *     registered API for which the client holds at least one scope and which allows this kind of token (user tokens,
 *     or {@code client_credentials}); otherwise {@code invalid_target};</li>
 * <li>each asked scope that is neither an OpenID Connect nor an internal scope belongs to a registered API; with
 *     {@code resource}, to one of the named APIs ({@link #forRequest}); without it, the API(s) owning the asked scopes
 *     are the audience, and scopes of two APIs without {@code resource} are {@code invalid_scope} (a token for two
 *     APIs is issued only when the client names both);</li>
 * <li>a user token carries the issuer when it holds an OpenID Connect scope other than {@code offline_access} (and
 *     when it has no other audience); OIDC scopes never make an API an audience; a {@code client_credentials} token
 *     carries the admin audience of each internal scope ({@link AdminScopes#audiences});</li>
 * <li>the token's {@code scope} holds only scopes of its audience: the OIDC scopes only when the issuer is in it;</li>
 * <li>{@link #narrowed}: a token for some of a grant's resources (down-scoping at {@code /token}) holds only those
 *     APIs' scopes within the grant, and neither the issuer nor an admin audience.</li>
 * </ul>
 * A plain class: each service makes its own over its API cache.
 */
public final class AudienceRules {

    /** Whom the token is issued to: a user (code or refresh grant) or the client itself (client_credentials). */
    public enum Holder { USER, CLIENT }

    /** At most this many {@code resource} values in one request. */
    public static final int MAX_RESOURCES = dev.verifier.shared.error.InputLimits.MAX_VALUES;
    /** The OIDC scopes whose audience is the issuer ({@code offline_access} is about refresh tokens, not userinfo). */
    private static final Scopes ISSUER_SCOPES = Scopes.of(List.of(Scopes.OPENID, "profile", "email", "address", "phone"));

    private final ApiLookup apis;
    private final VerifierUrls urls;

    public AudienceRules(ApiLookup apis, VerifierUrls urls) {
        this.apis = apis;
        this.urls = urls;
    }

    /**
     * The RFC 8707 {@code resource} values of a request, each checked to be an absolute URI without a fragment,
     * duplicates dropped, in the order given.
     */
    public static List<String> parseResources(Collection<String> values) {
        Set<String> resources = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw OAuthError.INVALID_TARGET.exception("resource must be an absolute URI (RFC 8707 section 2)");
            }
            if (!uri.isAbsolute()) {
                throw OAuthError.INVALID_TARGET.exception("resource must be an absolute URI (RFC 8707 section 2)");
            }
            if (uri.getRawFragment() != null || value.contains("#")) {
                throw OAuthError.INVALID_TARGET.exception("resource must not contain a fragment (RFC 8707 section 2)");
            }
            resources.add(value);
        }
        if (resources.size() > MAX_RESOURCES) {
            throw OAuthError.INVALID_TARGET.exception("at most " + MAX_RESOURCES + " resource values are accepted");
        }
        return List.copyOf(resources);
    }

    /** {@code asked} must be among the resources the grant holds ({@code granted}): else {@code invalid_target}. */
    public static void requireGranted(List<String> asked, List<String> granted) {
        for (String resource : asked) {
            if (!granted.contains(resource)) {
                throw OAuthError.INVALID_TARGET.exception("resource " + resource
                        + " was not granted by the authorization this grant comes from");
            }
        }
    }

    /**
     * The audience of a request for {@code scope} (already within the client's registered scope) and the named
     * {@code resources} (parsed by {@link #parseResources}; empty: the APIs owning the scopes).
     */
    public Audience forRequest(Holder holder, Scopes scope, List<String> resources, Scopes clientScope) {
        Map<String, RegisteredApi> named = usable(holder, resources, clientScope);
        Map<String, RegisteredApi> owners = new LinkedHashMap<>();
        for (String value : apiScopes(scope)) {
            RegisteredApi owner = apis.byScope(value).orElseThrow(() -> OAuthError.INVALID_SCOPE.exception(
                    "scope " + value + " belongs to no registered API"));
            if (!named.isEmpty() && !named.containsKey(owner.identifier())) {
                throw OAuthError.INVALID_SCOPE.exception("scope " + value + " belongs to API " + owner.identifier()
                        + ", which is not among the requested resources");
            }
            owners.put(owner.identifier(), owner);
        }
        if (named.isEmpty() && owners.size() > 1) {
            throw OAuthError.INVALID_SCOPE.exception("the scopes asked belong to " + owners.size() + " APIs ("
                    + String.join(", ", owners.keySet()) + "): ask for one API's scopes, or name each API with "
                    + "resource (RFC 8707) to get one token for all of them");
        }
        Map<String, RegisteredApi> audience = named.isEmpty() ? usable(holder, owners.keySet(), clientScope) : named;
        if (holder == Holder.CLIENT) {
            Set<String> admin = AdminScopes.audiences(urls, scope.values());
            if (audience.isEmpty() && admin.isEmpty()) {
                throw OAuthError.INVALID_SCOPE.exception("a client_credentials token needs an audience: ask for a "
                        + "scope of a registered API, or name the API with resource");
            }
            return new Audience(List.copyOf(audience.values()), false, admin, scope);
        }
        boolean issuer = scope.values().stream().anyMatch(ISSUER_SCOPES::contains) || audience.isEmpty();
        return new Audience(List.copyOf(audience.values()), issuer, Set.of(),
                issuer ? scope : without(scope, Scopes.USER_SCOPES));
    }

    /**
     * The audience of a token for exactly {@code resources} (not empty) out of a grant or registration holding
     * {@code scope}: only those APIs' scopes within {@code scope}, no issuer, no admin audience.
     */
    public Audience narrowed(Holder holder, Scopes scope, List<String> resources, Scopes clientScope) {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("narrowed needs at least one resource");
        }
        Map<String, RegisteredApi> named = usable(holder, resources, clientScope);
        List<String> kept = new ArrayList<>();
        for (String value : apiScopes(scope)) {
            apis.byScope(value).filter(owner -> named.containsKey(owner.identifier())).ifPresent(o -> kept.add(value));
        }
        return new Audience(List.copyOf(named.values()), false, Set.of(), Scopes.of(kept));
    }

    private Map<String, RegisteredApi> usable(Holder holder, Collection<String> resources, Scopes clientScope) {
        Map<String, RegisteredApi> usable = new LinkedHashMap<>();
        for (String resource : resources) {
            RegisteredApi api = apis.byIdentifier(resource).orElseThrow(() -> OAuthError.INVALID_TARGET.exception(
                    "resource " + resource + " is not a registered API"));
            if (api.scopeValues().stream().noneMatch(clientScope::contains)) {
                throw OAuthError.INVALID_TARGET.exception("this client is not registered for any scope of resource "
                        + resource);
            }
            if (holder == Holder.USER && !api.allowUserTokens()) {
                throw OAuthError.INVALID_TARGET.exception("resource " + resource
                        + " does not accept tokens issued to users");
            }
            if (holder == Holder.CLIENT && !api.allowClientCredentials()) {
                throw OAuthError.INVALID_TARGET.exception("resource " + resource
                        + " does not accept client_credentials tokens");
            }
            usable.put(api.identifier(), api);
        }
        return usable;
    }

    /** The scopes that belong to an API: neither OpenID Connect nor internal ones. */
    private static List<String> apiScopes(Scopes scope) {
        return scope.values().stream()
                .filter(s -> !Scopes.USER_SCOPES.contains(s) && !AdminScopes.isInternal(s)).toList();
    }

    private static Scopes without(Scopes scope, Scopes removed) {
        return Scopes.of(scope.values().stream().filter(s -> !removed.contains(s)).toList());
    }
}
