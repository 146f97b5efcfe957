package dev.verifier.token.endpoint;

import java.time.Clock;
import java.util.List;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.clientauth.ClientAssertionTiming;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.dpop.DPoPConfiguration;
import dev.verifier.shared.dpop.DPoPNonces;
import dev.verifier.shared.dpop.DPoPProofVerifier;
import dev.verifier.shared.dpop.DPoPRequest;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.token.clientauth.DatabaseJtiStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The DPoP step of {@code /token} (RFC 9449 §5), run once for every grant before its handler: a proof is checked
 * against the token endpoint's public URL ({@code verifier.urls.token-service} + {@code /token}) with the client
 * assertions' clock skew and the same single-use store as their {@code jti}s; its key's thumbprint is what the grant
 * binds the tokens to. A client registered with {@code dpop_bound_access_tokens} must send one.
 */
@Singleton
class TokenDPoP {

    private final DPoPProofVerifier verifier;
    private final VerifierUrls urls;

    TokenDPoP(DPoPConfiguration config, DPoPNonces nonces, DatabaseJtiStore store, ClientAssertionTiming timing,
              VerifierUrls urls, Clock clock) {
        this.verifier = new DPoPProofVerifier(config, nonces, store, timing.clockSkew(), clock);
        this.urls = urls;
    }

    /** The thumbprint of the request's checked proof key; null when the request has no proof and needs none. */
    @Nullable
    String jkt(HttpRequest<?> http, RegisteredClient client) {
        List<String> proofs = http.getHeaders().getAll(DPoPRequest.HEADER);
        if (proofs.isEmpty()) {
            if (client.metadata().requiresDpop()) {
                throw OAuthError.INVALID_REQUEST.exception("this client is registered with dpop_bound_access_tokens:"
                        + " a DPoP proof is required (RFC 9449)");
            }
            return null;
        }
        return verifier.verify(new DPoPRequest(proofs, http.getMethodName(), urls.tokenEndpoint(), null)).jkt();
    }
}
