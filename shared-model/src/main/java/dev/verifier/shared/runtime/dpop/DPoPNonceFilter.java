package dev.verifier.shared.runtime.dpop;

import java.time.Instant;

import dev.verifier.shared.dpop.DPoPNonces;
import dev.verifier.shared.dpop.DPoPRequest;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * RFC 9449 §8 and §9: when nonces are required, every answer to a request carrying a DPoP proof (or the
 * {@code DPoP} authorization scheme), error or not, carries a current {@code DPoP-Nonce} for the client's next proof.
 * Runs outside the security filter, so a resource server's 401 {@code use_dpop_nonce} carries it too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class DPoPNonceFilter implements Ordered {

    private final DPoPNonces nonces;

    DPoPNonceFilter(DPoPNonces nonces) {
        this.nonces = nonces;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @ResponseFilter
    void nonce(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (nonces.required() && usesDpop(request)) {
            response.header(DPoPRequest.NONCE_HEADER, nonces.current(Instant.now()));
        }
    }

    private static boolean usesDpop(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return request.getHeaders().contains(DPoPRequest.HEADER)
                || authorization != null && authorization.regionMatches(true, 0, "DPoP ", 0, 5);
    }
}
