/**
 * Stateless types and helpers: the topics' configuration record (the factory that creates topics is runtime.kafka.TopicsFactory)
 * and what every listener shares ({@link dev.verifier.shared.kafka.Listeners}).
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.kafka;
