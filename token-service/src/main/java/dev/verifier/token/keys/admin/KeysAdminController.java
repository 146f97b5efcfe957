package dev.verifier.token.keys.admin;

import java.util.List;
import java.util.Map;

import dev.verifier.token.keys.KeyRing;
import dev.verifier.token.keys.KeyRotation;
import dev.verifier.token.verify.BearerCaller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /admin/keys/rotate}: starts a rotation now (the next key of every algorithm is published at once and
 * signs after the pre-publication period). {@code POST /admin/keys/{kid}/revoke}: takes a compromised key out at
 * once. Both need a bearer access token with scope {@code keys.admin} whose audience is token-service (what the
 * client_credentials grant issues for that scope), and answer the keys and their states.
 */
@Controller("/admin/keys")
class KeysAdminController {

    static final String SCOPE = "keys.admin";

    private final BearerCaller caller;
    private final KeyRotation rotation;
    private final KeyRing ring;

    KeysAdminController(BearerCaller caller, KeyRotation rotation, KeyRing ring) {
        this.caller = caller;
        this.rotation = rotation;
        this.ring = ring;
    }

    @Post(value = "/rotate", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, Object>> rotate(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
        rotation.rotateNow(caller.require(authorization, SCOPE));
        return keys();
    }

    /** A compromised key out now: unpublished, never used again, replaced at once if it was signing. */
    @Post(value = "/{kid}/revoke", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, Object>> revoke(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                             String kid) {
        rotation.revokeNow(kid, caller.require(authorization, SCOPE));
        return keys();
    }

    private HttpResponse<Map<String, Object>> keys() {
        List<Map<String, Object>> keys = ring.published().stream().map(k -> Map.<String, Object>of(
                "kid", k.kid(), "alg", k.alg(), "state", k.state(), "activates_at", k.activatesAt().toString()))
                .toList();
        return HttpResponse.ok(Map.<String, Object>of("keys", keys)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
