/**
 * Stateless types and helpers: the audit event record and its types (the bean that emits them is runtime.audit.AuditEvents).
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.audit;
