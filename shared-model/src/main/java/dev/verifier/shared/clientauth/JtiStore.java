package dev.verifier.shared.clientauth;

import java.time.Instant;

/** Remembers client-assertion {@code jti}s until they expire, across every copy of a service. */
public interface JtiStore {

    /** Records the jti; {@code false} when this client already used it (a replay). */
    boolean markUsed(String clientId, String jti, Instant expiresAt);
}
