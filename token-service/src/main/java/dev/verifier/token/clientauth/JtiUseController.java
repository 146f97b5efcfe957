package dev.verifier.token.clientauth;

import java.time.Clock;
import java.time.Instant;

import dev.verifier.shared.clientauth.ClientAssertionTiming;
import dev.verifier.shared.clientauth.JtiUse;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.token.verify.BearerCaller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /internal/jti}: records a client assertion's jti for another service (authorize-service's /par) in this
 * service's single-use store, the same one /token uses, and answers whether it was the first use. The caller has
 * verified the assertion; it needs a bearer token with scope {@value JtiUse#SCOPE}. An expiry in the past or further
 * ahead than an assertion may live is refused: the store keeps each jti until its assertion expires.
 */
@Controller
class JtiUseController {

    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_JTI_LENGTH = 255;

    private final BearerCaller caller;
    private final DatabaseJtiStore store;
    private final ClientAssertionTiming timing;
    private final Clock clock;

    JtiUseController(BearerCaller caller, DatabaseJtiStore store, ClientAssertionTiming timing, Clock clock) {
        this.caller = caller;
        this.store = store;
        this.timing = timing;
        this.clock = clock;
    }

    @Post(value = JtiUse.PATH, consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    JtiUse.Result record(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization, @Body JtiUse use) {
        caller.require(authorization, JtiUse.SCOPE);
        check(use);
        return new JtiUse.Result(store.markUsed(use.clientId(), use.jti(), use.expiresAt()));
    }

    private void check(JtiUse use) {
        if (blank(use.clientId()) || use.clientId().length() > MAX_ID_LENGTH) {
            throw OAuthError.INVALID_REQUEST.exception("client_id is required (at most " + MAX_ID_LENGTH + " chars)");
        }
        if (blank(use.jti()) || use.jti().length() > MAX_JTI_LENGTH) {
            throw OAuthError.INVALID_REQUEST.exception("jti is required (at most " + MAX_JTI_LENGTH + " chars)");
        }
        Instant now = clock.instant();
        // the caller keeps a jti until its exp plus its own skew
        Instant latest = now.plus(timing.maxLifetime()).plus(timing.clockSkew().multipliedBy(2));
        if (use.expiresAt() == null || use.expiresAt().isBefore(now.minus(timing.clockSkew()))
                || use.expiresAt().isAfter(latest)) {
            throw OAuthError.INVALID_REQUEST.exception(
                    "expires_at is required and must be within the assertion lifetime allowed here");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
