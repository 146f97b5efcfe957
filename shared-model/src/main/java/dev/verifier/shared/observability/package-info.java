/**
 * Stateless types and helpers: trace ids (the filters and the Kafka tracing bean are in runtime.observability).
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.observability;
