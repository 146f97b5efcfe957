/**
 * Stateless types and helpers: client authentication: the credentials of a request, the verifiers per method, assertion claims and their timing.
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.clientauth;
