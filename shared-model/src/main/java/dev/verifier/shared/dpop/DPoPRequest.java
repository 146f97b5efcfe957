package dev.verifier.shared.dpop;

import java.net.URI;
import java.util.List;

import io.micronaut.core.annotation.Nullable;

/**
 * What a proof is checked against: the {@code DPoP} header values of the request (exactly one is allowed), its
 * method, the URL of the endpoint as this service's public URL names it (no query), and, at a resource server, the
 * access token presented ({@code ath}).
 */
public record DPoPRequest(List<String> proofs, String method, URI target, @Nullable String accessToken) {

    public static final String HEADER = "DPoP";
    public static final String NONCE_HEADER = "DPoP-Nonce";

    public DPoPRequest {
        proofs = proofs == null ? List.of() : List.copyOf(proofs);
    }

    public boolean hasProof() {
        return !proofs.isEmpty();
    }
}
