package dev.verifier.authorize.interaction;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.verifier.authorize.authorize.AuthorizationParameters;
import dev.verifier.authorize.authorize.AuthorizeConfiguration;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.crypto.RandomTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Stores pending authorization requests in the database so any copy of the service can take the next step: a bounded
 * (at most {@value #MAX_STORED} characters of parameters), expiring store (rows past {@code interaction-lifetime} are
 * deleted whenever one is added).
 */
@Singleton
public class InteractionService {

    private static final Argument<Map<String, List<String>>> PARAMETERS =
            Argument.mapOf(Argument.STRING, Argument.listOf(String.class));

    static final int MAX_STORED = 32_768;

    private final InteractionRepository repository;
    private final AuthorizeConfiguration config;
    private final JsonMapper json;
    private final Clock clock;

    InteractionService(InteractionRepository repository, AuthorizeConfiguration config, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.config = config;
        this.json = json;
    }

    /** Stores the request for the browser holding {@code csrfToken}; answers the new interaction's id. */
    public String start(AuthorizationParameters parameters, String csrfToken, @Nullable String sessionId) {
        String id = RandomTokens.base64Url(32);
        Instant now = clock.instant();
        repository.deleteByExpiresAtBefore(now);
        try {
            String stored = json.writeValueAsString(parameters.values());
            if (stored.length() > MAX_STORED) {
                throw OAuthError.INVALID_REQUEST.exception("the authorization request is too large");
            }
            repository.save(new InteractionRecord(Hashes.sha256Base64Url(id), Hashes.sha256Base64Url(csrfToken),
                    stored, sessionId,
                    now.plus(config.interactionLifetime())));
        } catch (IOException e) {
            throw new IllegalStateException("parameters are always serialisable", e);
        }
        return id;
    }

    public Optional<Interaction> find(@Nullable String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return repository.findById(Hashes.sha256Base64Url(id))
                .filter(r -> clock.instant().isBefore(r.expiresAt()))
                .map(r -> new Interaction(id, new AuthorizationParameters(read(r.parameters())), r.csrfHash(),
                        r.sessionHash()));
    }

    public void finish(Interaction interaction) {
        repository.deleteById(Hashes.sha256Base64Url(interaction.id()));
    }

    private Map<String, List<String>> read(String parameters) {
        try {
            return json.readValue(parameters, PARAMETERS);
        } catch (IOException e) {
            throw new IllegalStateException("stored parameters are unreadable", e);
        }
    }
}
