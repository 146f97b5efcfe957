package dev.verifier.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.verifier.shared.api.AudienceRules.Holder;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.scope.Scopes;
import org.junit.jupiter.api.Test;

/** The audience rules (RFC 8707 resources, scopes of registered APIs, the issuer for OIDC scopes) and their edges. */
class AudienceRulesTest {

    static final String ISSUER = "http://localhost:9000";
    static final RegisteredApi NOTES = api("http://localhost:9003", 600, true, true, "notes.read", "notes.write");
    static final RegisteredApi ORDERS = api("https://orders.example", 120, true, true, "orders.read");
    static final RegisteredApi MACHINES = api("https://machines.example", null, true, false, "machines.run");
    static final RegisteredApi USERS_ONLY = api("https://users-only.example", null, false, true, "diary.read");
    static final List<RegisteredApi> ALL = List.of(NOTES, ORDERS, MACHINES, USERS_ONLY);
    static final Scopes CLIENT = Scopes.parse("openid profile offline_access notes.read notes.write orders.read "
            + "machines.run diary.read registry.admin");

    final AudienceRules rules = new AudienceRules(new ApiLookup() {
        @Override
        public Optional<RegisteredApi> byIdentifier(String identifier) {
            return ALL.stream().filter(a -> a.identifier().equals(identifier)).findFirst();
        }

        @Override
        public Optional<RegisteredApi> byScope(String scope) {
            return ALL.stream().filter(a -> a.owns(scope)).findFirst();
        }
    }, new VerifierUrls(URI.create(ISSUER), URI.create("http://localhost:9001"), URI.create("http://localhost:9002"),
            URI.create("http://localhost:9003")));

    @Test
    void withoutResourceTheApiOwningTheScopesIsTheAudienceAndOpenidAddsTheIssuer() {
        Audience audience = user("openid notes.read");

        assertEquals(List.of(ISSUER, NOTES.identifier()), audience.aud(ISSUER));
        assertEquals(Scopes.parse("openid notes.read"), audience.scope());
        assertEquals(List.of(NOTES.identifier()), audience.resources());
    }

    @Test
    void oidcScopesAloneMakeOnlyTheIssuerTheAudience() {
        assertEquals(List.of(ISSUER), user("openid profile").aud(ISSUER));
        assertEquals(List.of(ISSUER), user("offline_access").aud(ISSUER));
    }

    @Test
    void withoutAnOidcScopeTheIssuerIsNoAudienceAndOfflineAccessLeavesTheTokenScope() {
        Audience audience = user("notes.read offline_access");

        assertEquals(List.of(NOTES.identifier()), audience.aud(ISSUER));
        assertEquals(Scopes.parse("notes.read"), audience.scope());
    }

    @Test
    void scopesOfTwoApisWithoutResourceAreInvalidScopeNamingBoth() {
        OAuthException e = assertThrows(OAuthException.class, () -> user("notes.read orders.read"));

        assertEquals(OAuthError.INVALID_SCOPE, e.error());
        assertEquals("the scopes asked belong to 2 APIs (http://localhost:9003, https://orders.example): ask for one "
                + "API's scopes, or name each API with resource (RFC 8707) to get one token for all of them",
                e.description());
    }

    @Test
    void namingBothApisGivesOneTokenForBothWithTheShortestLifetime() {
        Audience audience = rules.forRequest(Holder.USER, Scopes.parse("notes.read orders.read"),
                List.of(NOTES.identifier(), ORDERS.identifier()), CLIENT);

        assertEquals(List.of(NOTES.identifier(), ORDERS.identifier()), audience.aud(ISSUER));
        assertEquals(Duration.ofSeconds(120), audience.lifetime(Duration.ofMinutes(5)));
    }

    @Test
    void lifetimeIsTheApisOwnOrTheDefaultAndTheIssuerCountsWithTheDefault() {
        assertEquals(Duration.ofSeconds(600), user("notes.read").lifetime(Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(5), user("openid notes.read").lifetime(Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(5), client("machines.run").lifetime(Duration.ofMinutes(5)));
    }

    @Test
    void aScopeOfAnApiNotNamedAsResourceIsInvalidScope() {
        OAuthException e = assertThrows(OAuthException.class, () -> rules.forRequest(Holder.USER,
                Scopes.parse("notes.read orders.read"), List.of(NOTES.identifier()), CLIENT));

        assertEquals(OAuthError.INVALID_SCOPE, e.error());
        assertEquals("scope orders.read belongs to API https://orders.example, which is not among the requested "
                + "resources", e.description());
    }

    @Test
    void unknownResourceIsInvalidTarget() {
        assertTarget("resource https://nowhere.example is not a registered API",
                () -> rules.forRequest(Holder.USER, Scopes.parse("openid"), List.of("https://nowhere.example"), CLIENT));
    }

    @Test
    void resourceOfWhichTheClientHoldsNoScopeIsInvalidTarget() {
        assertTarget("this client is not registered for any scope of resource https://orders.example",
                () -> rules.forRequest(Holder.USER, Scopes.parse("openid"), List.of(ORDERS.identifier()),
                        Scopes.parse("openid notes.read")));
    }

    @Test
    void apiThatRefusesUserTokensIsInvalidTargetForUsersAndByScopeToo() {
        assertTarget("resource https://machines.example does not accept tokens issued to users",
                () -> rules.forRequest(Holder.USER, Scopes.parse("openid"), List.of(MACHINES.identifier()), CLIENT));
        assertTarget("resource https://machines.example does not accept tokens issued to users",
                () -> user("machines.run"));
    }

    @Test
    void apiThatRefusesClientCredentialsIsInvalidTargetForClients() {
        assertTarget("resource https://users-only.example does not accept client_credentials tokens",
                () -> client("diary.read"));
    }

    @Test
    void clientTokenCarriesAdminAudiencesOfInternalScopesBesideTheApi() {
        Audience audience = client("registry.admin machines.run");

        assertEquals(List.of(MACHINES.identifier(), "http://localhost:9002/admin"), audience.aud(ISSUER));
        assertFalse(audience.issuer());
    }

    @Test
    void clientTokenWithoutAnyAudienceIsInvalidScope() {
        OAuthException e = assertThrows(OAuthException.class, () -> client(""));

        assertEquals(OAuthError.INVALID_SCOPE, e.error());
        assertEquals("a client_credentials token needs an audience: ask for a scope of a registered API, or name the "
                + "API with resource", e.description());
    }

    @Test
    void aScopeOfNoRegisteredApiIsInvalidScope() {
        OAuthException e = assertThrows(OAuthException.class, () -> user("gone.read"));

        assertEquals(OAuthError.INVALID_SCOPE, e.error());
        assertEquals("scope gone.read belongs to no registered API", e.description());
    }

    @Test
    void narrowedKeepsOnlyTheNamedApisScopesAndDropsTheIssuer() {
        Audience audience = rules.narrowed(Holder.USER, Scopes.parse("openid notes.read notes.write orders.read"),
                List.of(ORDERS.identifier()), CLIENT);

        assertEquals(List.of(ORDERS.identifier()), audience.aud(ISSUER));
        assertEquals(Scopes.parse("orders.read"), audience.scope());
        assertEquals(Duration.ofSeconds(120), audience.lifetime(Duration.ofMinutes(5)));
    }

    @Test
    void resourceMustBeAbsoluteWithoutFragment() {
        assertTarget("resource must be an absolute URI (RFC 8707 section 2)",
                () -> AudienceRules.parseResources(List.of("/relative")));
        assertTarget("resource must be an absolute URI (RFC 8707 section 2)",
                () -> AudienceRules.parseResources(List.of("not a uri")));
        assertTarget("resource must not contain a fragment (RFC 8707 section 2)",
                () -> AudienceRules.parseResources(List.of("https://api.example/#x")));
        assertEquals(List.of("https://a.example", "https://b.example"),
                AudienceRules.parseResources(List.of("https://a.example", "https://b.example", "https://a.example")));
    }

    @Test
    void tooManyResourcesAreInvalidTarget() {
        List<String> many = java.util.stream.IntStream.range(0, 6).mapToObj(i -> "https://a" + i + ".example")
                .toList();
        assertTarget("at most 5 resource values are accepted", () -> AudienceRules.parseResources(many));
    }

    @Test
    void aResourceNotGrantedIsInvalidTarget() {
        AudienceRules.requireGranted(List.of(NOTES.identifier()), List.of(NOTES.identifier(), ORDERS.identifier()));
        assertTarget("resource https://orders.example was not granted by the authorization this grant comes from",
                () -> AudienceRules.requireGranted(List.of(ORDERS.identifier()), List.of(NOTES.identifier())));
    }

    @Test
    void oidcScopesNeverMakeAnApiAnAudience() {
        assertTrue(user("openid profile email").resources().isEmpty());
    }

    private Audience user(String scope) {
        return rules.forRequest(Holder.USER, Scopes.parse(scope), List.of(), CLIENT);
    }

    private Audience client(String scope) {
        return rules.forRequest(Holder.CLIENT, Scopes.parse(scope), List.of(), CLIENT);
    }

    private static void assertTarget(String description, org.junit.jupiter.api.function.Executable call) {
        OAuthException e = assertThrows(OAuthException.class, call);
        assertEquals(OAuthError.INVALID_TARGET, e.error());
        assertEquals(description, e.description());
    }

    static RegisteredApi api(String identifier, Integer lifetime, boolean clients, boolean users, String... scopes) {
        return new RegisteredApi("id-" + identifier, identifier, "API " + identifier,
                java.util.Arrays.stream(scopes).map(s -> new RegisteredApi.Scope(s, "May " + s)).toList(), lifetime,
                clients, users, Instant.EPOCH, Instant.EPOCH);
    }
}
