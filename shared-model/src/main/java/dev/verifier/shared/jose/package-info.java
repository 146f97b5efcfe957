/**
 * Stateless types and helpers: JOSE algorithms, JWT types and token hashes (at_hash, c_hash), signature checks and
 * the native provider they run on ({@link dev.verifier.shared.jose.NativeCrypto}).
 * Nothing in this package is a bean that shared-model registers in a service: the beans live under
 * {@code dev.verifier.shared.runtime} (see shared-model's README).
 */
package dev.verifier.shared.jose;
