package dev.verifier.authorize.authorize;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.Param;
import dev.verifier.shared.clientauth.ClientAssertionTiming;
import dev.verifier.shared.clientauth.JtiStore;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.dpop.DPoPConfiguration;
import dev.verifier.shared.dpop.DPoPNonces;
import dev.verifier.shared.dpop.DPoPProofVerifier;
import dev.verifier.shared.dpop.DPoPRequest;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * RFC 9449 §10.1: a DPoP proof sent to {@code /par} binds the code to its key. The proof is checked as at
 * {@code /token} (shared-model's {@link DPoPProofVerifier}; htu {@code {issuer}/par}, the client assertions' clock
 * skew, the jti in token-service's single-use store); its thumbprint becomes the request's {@code dpop_jkt}, and a
 * {@code dpop_jkt} the client also sent must be that thumbprint ({@code invalid_dpop_proof} otherwise).
 */
@Singleton
class ParDPoP {

    private final DPoPProofVerifier verifier;
    private final URI endpoint;

    ParDPoP(DPoPConfiguration config, DPoPNonces nonces, JtiStore store, ClientAssertionTiming timing,
            VerifierUrls urls, Clock clock) {
        this.verifier = new DPoPProofVerifier(config, nonces, store, timing.clockSkew(), clock);
        this.endpoint = urls.parEndpoint();
    }

    /** {@code request} bound to the key of the request's proof; unchanged without a proof. */
    AuthorizationParameters bind(HttpRequest<?> http, AuthorizationParameters request) {
        List<String> proofs = http.getHeaders().getAll(DPoPRequest.HEADER);
        if (proofs.isEmpty()) {
            return request;
        }
        String jkt = verifier.verify(new DPoPRequest(proofs, http.getMethodName(), endpoint, null)).jkt();
        String given = request.get(Param.DPOP_JKT);
        if (given != null && !given.equals(jkt)) {
            throw OAuthError.INVALID_DPOP_PROOF.exception("dpop_jkt is not the thumbprint of the DPoP proof's key");
        }
        Map<String, List<String>> values = new LinkedHashMap<>(request.values());
        values.put(Param.DPOP_JKT, List.of(jkt));
        return new AuthorizationParameters(values);
    }
}
