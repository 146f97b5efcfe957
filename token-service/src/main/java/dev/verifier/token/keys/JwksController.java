package dev.verifier.token.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;

/**
 * {@code GET /jwks} (RFC 7517): the public keys of every algorithm in state next, current or previous. Cacheable for
 * {@link KeysConfiguration#jwksMaxAge()}, so a cached copy never lacks a key that has started signing. The JSON is
 * written once per key set and answered as bytes until the published keys change (a rotation or revocation reloads
 * the ring with new key objects; a previous key that retires leaves the set): writing it for every request was 14 %
 * of token-service's samples under a load of {@code /jwks} requests.
 */
@Controller("/jwks")
class JwksController {

    private final KeyRing ring;
    private final KeysConfiguration config;
    private final JsonMapper json;
    private volatile Rendered rendered = new Rendered(List.of(), null);

    JwksController(KeyRing ring, KeysConfiguration config, JsonMapper json) {
        this.ring = ring;
        this.config = config;
        this.json = json;
    }

    @Get(produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON})
    HttpResponse<byte[]> jwks() {
        List<LoadedKey> published = ring.states().published();
        Rendered last = rendered;
        if (!last.isOf(published)) {
            last = new Rendered(published, write(published));
            rendered = last;
        }
        return HttpResponse.ok(last.body())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.jwksMaxAge().toSeconds());
    }

    private byte[] write(List<LoadedKey> published) {
        List<Map<String, Object>> keys = published.stream().map(k -> k.publicJwk().toJSONObject()).toList();
        try {
            return json.writeValueAsBytes(Map.of("keys", keys));
        } catch (IOException e) {
            throw new UncheckedIOException("the key set could not be written as JSON", e);
        }
    }

    /** A published key set and its JSON. */
    private record Rendered(List<LoadedKey> keys, byte[] body) {

        /** Whether these are the very key objects published now, in the same order. */
        boolean isOf(List<LoadedKey> published) {
            if (body == null || published.size() != keys.size()) {
                return false;
            }
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) != published.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
