/**
 * Stateless types and helpers: the registry reader and the client and API caches, created by each service's own factory (the cache-evicting Kafka listeners are in runtime.registry).
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.registry;
