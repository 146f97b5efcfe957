/**
 * Stateless types and helpers: the access-token rules every Verifier resource server applies (RFC 9068, RFC 6750):
 * {@link dev.verifier.shared.security.AccessTokenRules} (typ, iss, aud, exp/nbf/iat with the one skew),
 * {@link dev.verifier.shared.security.AdminScopes#honoured} (which scopes count),
 * {@link dev.verifier.shared.security.BearerTokens} (the bearer token of a request and the RFC 6750 answers),
 * {@link dev.verifier.shared.security.AccessTokenScopes}, the JWKS keys and the configuration records. token-service's
 * internal APIs use them without micronaut-security. Nothing in this package is a bean that shared-model registers:
 * the beans that plug these rules into micronaut-security-jwt, and how a service turns them on, are in
 * {@code dev.verifier.shared.runtime.security}.
 */
package dev.verifier.shared.security;
