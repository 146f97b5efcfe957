package dev.verifier.shared.runtime.security;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import dev.verifier.shared.clientauth.JtiStore;
import dev.verifier.shared.dpop.DPoPConfiguration;
import dev.verifier.shared.dpop.DPoPNonces;
import dev.verifier.shared.dpop.DPoPProofVerifier;
import dev.verifier.shared.dpop.DPoPRequest;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.security.BearerTokens;
import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * RFC 9449 §7 at a resource server: a token bound to a DPoP key ({@code cnf.jkt}) is accepted only under the
 * {@code DPoP} scheme with a proof ({@link DPoPProofVerifier}: the request's method, this service's public URL
 * ({@code verifier.resource-server.audience} + the path), {@code ath} of the token, the resource server's clock skew,
 * a single-use {@code jti} in the service's {@link JtiStore}) made with that very key; under the {@code Bearer}
 * scheme it is refused, and so is an unbound token under {@code DPoP}. The refusal is left on the request
 * ({@link #REFUSAL}) for {@link BearerTokenErrorHandler} to answer with a {@code DPoP} challenge. A service without a
 * {@link JtiStore} accepts no DPoP scheme (it cannot catch a replayed proof).
 */
@Singleton
@Requires(classes = GenericJwtClaimsValidator.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class DPoPBindingValidator<T> implements GenericJwtClaimsValidator<T> {

    /** The request attribute holding the {@link OAuthException} a DPoP check refused the request with. */
    public static final String REFUSAL = "verifier.dpop.refusal";

    private final @Nullable DPoPProofVerifier verifier;
    private final String base;

    public DPoPBindingValidator(ResourceServerConfiguration config, DPoPConfiguration dpop, DPoPNonces nonces,
                                Optional<JtiStore> store) {
        this.verifier = store.map(s -> new DPoPProofVerifier(dpop, nonces, s, config.boundedClockSkew(),
                Clock.systemUTC())).orElse(null);
        String audience = config.audience();
        this.base = audience.endsWith("/") ? audience.substring(0, audience.length() - 1) : audience;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        if (!(request instanceof HttpRequest<?> http)) {
            return true;
        }
        String authorization = http.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Optional<String> dpopToken = BearerTokens.ofDpop(authorization);
        String jkt = boundKey(claims);
        try {
            if (dpopToken.isEmpty()) { // Bearer (header or form body)
                if (jkt != null) {
                    throw BearerTokens.boundTokenAsBearer();
                }
                return true;
            }
            if (jkt == null) {
                throw BearerTokens.notBoundToTheProofKey();
            }
            if (verifier == null) {
                throw OAuthError.INVALID_DPOP_TOKEN.exception("this service does not accept DPoP-bound tokens");
            }
            String proofKey = verifier.verify(new DPoPRequest(http.getHeaders().getAll(DPoPRequest.HEADER),
                    http.getMethodName(), URI.create(base + http.getPath()), dpopToken.get())).jkt();
            if (!proofKey.equals(jkt)) {
                throw BearerTokens.notBoundToTheProofKey();
            }
            return true;
        } catch (OAuthException e) {
            http.setAttribute(REFUSAL, DPoPProofVerifier.atResourceServer(e));
            return false;
        }
    }

    @Nullable
    private static String boundKey(Claims claims) {
        Object cnf = claims.get("cnf");
        if (cnf instanceof Map<?, ?> map && map.get("jkt") instanceof String jkt) {
            return jkt;
        }
        return null;
    }
}
