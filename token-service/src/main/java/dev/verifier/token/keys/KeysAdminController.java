package dev.verifier.token.keys;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.token.issue.AccessTokenVerifier;
import dev.verifier.token.issue.Audiences;
import dev.verifier.token.issue.Scopes;
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
 * signs after the pre-publication period). Needs a bearer access token with scope {@code keys.admin} whose audience
 * is token-service (what the client_credentials grant issues for that scope). Answers the keys and their states.
 */
@Controller("/admin/keys")
class KeysAdminController {

    static final String SCOPE = "keys.admin";

    private final AccessTokenVerifier tokens;
    private final Audiences audiences;
    private final KeyRotation rotation;
    private final KeyRing ring;

    KeysAdminController(AccessTokenVerifier tokens, Audiences audiences, KeyRotation rotation, KeyRing ring) {
        this.tokens = tokens;
        this.audiences = audiences;
        this.rotation = rotation;
        this.ring = ring;
    }

    @Post(value = "/rotate", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, Object>> rotate(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
        rotation.rotateNow(requireScope(authorization));
        KeyStates states = ring.states();
        List<Map<String, Object>> keys = states.published().stream().map(k -> Map.<String, Object>of(
                "kid", k.kid(), "alg", k.alg().getName(), "state", states.state(k).name().toLowerCase(),
                "activates_at", k.activatesAt().toString())).toList();
        return HttpResponse.ok(Map.<String, Object>of("keys", keys)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The admin client's id (the token's {@code client_id}). */
    private String requireScope(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw OAuthError.INVALID_TOKEN.exception("a bearer access token is required");
        }
        JWTClaimsSet claims = tokens.verify(authorization.substring(7).trim())
                .filter(c -> c.getAudience().contains(audiences.tokenService()))
                .orElseThrow(() -> OAuthError.INVALID_TOKEN.exception("the access token is invalid"));
        if (!Scopes.parse((String) claims.getClaim("scope")).contains(SCOPE)) {
            throw OAuthError.INSUFFICIENT_SCOPE.exception("scope " + SCOPE + " is required");
        }
        Object clientId = claims.getClaim("client_id");
        return clientId != null ? clientId.toString() : claims.getSubject();
    }
}
