package dev.verifier.shared.dpop;

import java.time.Instant;

/**
 * A DPoP proof that passed every check: {@code jkt} is the RFC 7638 SHA-256 thumbprint of its public key, the value
 * a token bound to it carries in {@code cnf.jkt}.
 */
public record DPoPProof(String jkt, String jti, Instant issuedAt) {
}
