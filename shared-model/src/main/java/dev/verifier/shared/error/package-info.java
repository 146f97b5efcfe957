/**
 * Stateless types and helpers: OAuthError, OAuthException and the RFC error body (the handlers that render them are in runtime.error).
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.error;
