/**
 * Stateless types and helpers: client metadata, the registered client, and which grants a client may use (ClientGrants).
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.client;
