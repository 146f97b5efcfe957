package dev.verifier.token.keys;

import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /jwks} (RFC 7517): the public keys of every algorithm in state next, current or previous. Cacheable for
 * {@link KeysConfiguration#jwksMaxAge()}, so a cached copy never lacks a key that has started signing.
 */
@Controller("/jwks")
class JwksController {

    private final KeyRing ring;
    private final KeysConfiguration config;

    JwksController(KeyRing ring, KeysConfiguration config) {
        this.ring = ring;
        this.config = config;
    }

    @Get(produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON})
    HttpResponse<Map<String, Object>> jwks() {
        List<Map<String, Object>> keys = ring.states().published().stream()
                .map(k -> k.publicJwk().toJSONObject()).toList();
        return HttpResponse.ok(Map.<String, Object>of("keys", keys))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.jwksMaxAge().toSeconds());
    }
}
