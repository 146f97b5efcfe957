/**
 * Beans registered in every service: the Kafka listeners that evict the client and API caches (client-changed, api-changed).
 */
package dev.verifier.shared.runtime.registry;
