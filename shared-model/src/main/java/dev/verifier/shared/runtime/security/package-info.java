/**
 * Beans registered in every service: resource-server support for every Verifier service that accepts our access
 * tokens (client-registry's admin API, authorize-service's {@code /userinfo} and users admin API, resource-api). They
 * hold no state and switch on when micronaut-security-jwt is on the classpath AND
 * {@code verifier.resource-server.audience} is set.
 *
 * <h2>What it enforces (RFC 9068, RFC 6750)</h2>
 * The rules themselves are plain classes that token-service's internal APIs use too (without micronaut-security):
 * {@link dev.verifier.shared.security.AccessTokenRules} (typ, iss, aud, exp/nbf/iat with the one skew),
 * {@link dev.verifier.shared.security.AdminScopes#honoured} (which scopes count) and
 * {@link dev.verifier.shared.security.BearerTokens} (the bearer token of a request and the RFC 6750 answers).
 * The beans below plug them into micronaut-security-jwt.
 * <ul>
 *   <li>{@link dev.verifier.shared.runtime.security.AuthorizationTokenReader}: the token of the {@code Authorization}
 *   header under either scheme, {@code Bearer} or {@code DPoP} (by {@link dev.verifier.shared.security.BearerTokens}).</li>
 *   <li>{@link dev.verifier.shared.runtime.security.AccessTokenParser}: header {@code typ} must be {@code at+jwt}
 *   (or {@code application/at+jwt}); an ID token ({@code typ: JWT}) or an unsigned/encrypted token is refused.
 *   micronaut-security-jwt 4.15.1 itself ignores {@code typ} entirely (it uses {@code JWTParser}, not Nimbus'
 *   {@code DefaultJWTProcessor}): it would accept {@code at+jwt} but also an ID token, hence this parser.</li>
 *   <li>{@link dev.verifier.shared.runtime.security.AccessTokenClaimsValidator}: {@code iss} = {@code verifier.urls.issuer},
 *   {@code aud} contains {@code verifier.resource-server.audience}, {@code exp} required and not passed, {@code nbf}
 *   and {@code iat} not in the future, each with {@code verifier.resource-server.clock-skew} (default 30 s, at most 2 min).</li>
 *   <li>{@link dev.verifier.shared.runtime.security.ScopeRolesFinder}: the {@code scope} claim's values are the roles, so
 *   {@code @Secured("registry.admin")} requires that scope ({@code @Secured({"a","b"})}: any of them). Inside a route,
 *   {@link dev.verifier.shared.security.AccessTokenScopes#require} throws {@code insufficient_scope}.</li>
 *   <li>{@link dev.verifier.shared.runtime.security.BearerTokenErrorHandler}: 401 {@code invalid_token} (no token: challenge
 *   {@code Bearer} without error code, RFC 6750 §3.1), 403 {@code insufficient_scope}, in the RFC error JSON with
 *   {@code WWW-Authenticate: Bearer error="..."} and {@code Cache-Control: no-store}.</li>
 *   <li>{@link dev.verifier.shared.runtime.security.TokenAuthenticationFetcherFactory}: micronaut-security's token
 *   authentication without its {@code TokenValidatedEvent} (the raw token in an event nothing reads, with the request's
 *   host and locale resolved for it on every request).</li>
 * </ul>
 * Signatures are checked by micronaut-security-jwt against token-service's JWKS (configured below).
 *
 * <h2>How a service uses it</h2>
 * Add {@code io.micronaut.security:micronaut-security-jwt} (version from the BOM) to the service's pom, then in
 * {@code application.yml}:
 * <pre>
 * verifier:
 *   resource-server:
 *     audience: ${verifier.urls.registry}      # this service's own URL, as token-service puts it in aud
 *     clock-skew: 30s
 * micronaut:
 *   security:
 *     token:
 *       jwt:
 *         signatures:
 *           jwks:
 *             verifier:
 *               url: ${verifier.urls.token-service}/jwks
 *         claims-validators:
 *           expiration: false                   # AccessTokenClaimsValidator checks exp, with the bounded skew
 *     intercept-url-map:                        # health and metrics stay anonymous
 *       - pattern: /health/**
 *         access: isAnonymous()
 *       - pattern: /prometheus
 *         access: isAnonymous()
 * </pre>
 * and on controllers {@code @Secured("users.admin")} (or {@code @Secured(SecurityRule.IS_AUTHENTICATED)} plus
 * {@code AccessTokenScopes.require(authentication, "openid")} in the method). Management endpoints configured with
 * {@code sensitive: false} are anonymous anyway. Tests: sign tokens ({@code typ: at+jwt}) with a test RSA key served by a
 * test JWKS endpoint and point {@code verifier.urls.token-service} at it (see client-registry's tests,
 * {@code dev.verifier.registry.support.TestTokens}).
 */
package dev.verifier.shared.runtime.security;
