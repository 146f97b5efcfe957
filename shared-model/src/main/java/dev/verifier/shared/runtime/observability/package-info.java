/**
 * Beans registered in every service: the HTTP filters for request context, trace ids in logs and refused-request metrics, and MessageTracing across Kafka.
 */
package dev.verifier.shared.runtime.observability;
