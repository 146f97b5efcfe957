/**
 * Beans registered in every service: {@link dev.verifier.shared.dpop.DPoPNonces} from {@code verifier.dpop.*} (checked
 * at start-up), and the filter that hands out a fresh {@code DPoP-Nonce} on every answer to a request that carries
 * DPoP, when nonces are required (RFC 9449 §8, §9).
 */
package dev.verifier.shared.runtime.dpop;
