/**
 * Stateless types and helpers: form parsing, CIDRs, the outbound URL guard and pinned HTTP, service calls (the source-address bean is runtime.web.SourceAddresses).
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.web;
