package dev.verifier.shared.dpop;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.dpop.*}: DPoP (RFC 9449) in every service that takes proofs.
 *
 * @param algorithms    the proof algorithms accepted (asymmetric only; discovery's
 *                      {@code dpop_signing_alg_values_supported})
 * @param nonceRequired whether proofs must carry a server nonce ({@code VERIFIER_DPOP_NONCE_REQUIRED}, default
 *                      false); when true, {@code nonceSecret} is required
 * @param nonceSecret   the secret the nonces are MACed with, the same in every copy of every service
 *                      ({@code VERIFIER_DPOP_NONCE_SECRET}, at least 32 characters)
 * @param nonceLifetime how long a nonce is accepted (at least this, at most twice this; default 5 min)
 */
@ConfigurationProperties(DPoPConfiguration.PREFIX)
public record DPoPConfiguration(
        @Bindable(defaultValue = "ES256,RS256,PS256,ES384,RS384,PS384,ES512,RS512,PS512") List<String> algorithms,
        @Bindable(defaultValue = "false") boolean nonceRequired,
        @Nullable String nonceSecret,
        @Bindable(defaultValue = "5m") Duration nonceLifetime) {

    public static final String PREFIX = "verifier.dpop";

    public DPoPConfiguration {
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
    }

    /**
     * The configured algorithms that a proof may use: RSA (RS*, PS*) and ECDSA (ES*) only, never {@code none} or
     * HMAC, whatever is configured; what discovery advertises and the verifier accepts.
     */
    public List<String> supportedAlgorithms() {
        return algorithms.stream().map(JWSAlgorithm::parse)
                .filter(alg -> JWSAlgorithm.Family.RSA.contains(alg) || JWSAlgorithm.Family.EC.contains(alg))
                .map(JWSAlgorithm::getName).distinct().toList();
    }
}
