package dev.verifier.registry.client;


import dev.verifier.registry.jwks.JwksCache;
import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/**
 * {@code GET /clients/{id}/jwks[?kid=..][&refresh=true]} for the other services (scope {@code registry.read}, or
 * {@code registry.admin}): the client's registered {@code jwks}, or its {@code jwks_uri} set from the {@link JwksCache}.
 * {@code kid} names the key the caller needs (refetched if missing), {@code refresh=true} reports a failed signature.
 */
@Controller("/clients/{clientId}/jwks")
@ExecuteOn(TaskExecutors.BLOCKING)
class ClientJwksController {

    private final ClientStore store;
    private final ClientRegistrations registrations;
    private final JwksCache cache;
    private final JsonMapper json;

    ClientJwksController(ClientStore store, ClientRegistrations registrations, JwksCache cache, JsonMapper json) {
        this.store = store;
        this.registrations = registrations;
        this.cache = cache;
        this.json = json;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Secured({"registry.read", "registry.admin"})
    MutableHttpResponse<String> jwks(String clientId, @Nullable @QueryValue String kid,
                                     @QueryValue(defaultValue = "false") boolean refresh) throws java.io.IOException {
        ClientMetadata metadata = registrations.read(store.require(clientId).metadata());
        String body;
        if (metadata.jwks() != null) {
            body = json.writeValueAsString(metadata.jwks());
        } else if (metadata.jwksUri() != null) {
            body = cache.get(clientId, metadata.jwksUri(), kid, refresh);
        } else {
            throw OAuthError.NOT_FOUND.exception("client " + clientId + " has no jwks or jwks_uri");
        }
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
