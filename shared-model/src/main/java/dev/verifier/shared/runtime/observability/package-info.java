/**
 * Beans registered in every service: the HTTP filters for request context, trace ids in logs and refused-request
 * metrics, what a request's server span records (ServerSpans), and MessageTracing across Kafka.
 */
package dev.verifier.shared.runtime.observability;
