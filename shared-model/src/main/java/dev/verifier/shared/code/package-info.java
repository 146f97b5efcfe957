/**
 * Stateless types and helpers: the authorization-code format and its MAC.
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.code;
