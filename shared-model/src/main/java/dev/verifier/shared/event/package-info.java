/**
 * Stateless types and helpers: the Kafka events, their topics, limits and seal, and the outbox relay helper.
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.event;
