/**
 * Beans registered in every service: AuditEvents (the one way to emit an audit event: the verifier.audit logger and topic) and its Kafka client.
 */
package dev.verifier.shared.runtime.audit;
