package dev.verifier.authorize.interaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.AuthorizeConfiguration;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Pending authorization requests between pages, without a database write for an anonymous {@code /authorize}: the
 * interaction id handed to the login or consent page is the request itself, sealed (AES-256-GCM under a key derived
 * from {@code VERIFIER_SECRETS_KEY} with the label {@value #LABEL}) together with the browser's CSRF hash, the SSO
 * session and the expiry, so any copy holding the key ring can take the next step. At most {@value #MAX_SEALED}
 * bytes are sealed (the id must fit one form field). Only a posted form writes: {@link #finish} records the id's hash
 * so that an interaction is used once. Ids of the previous release (random, with a row in {@code interaction}) are
 * still found during a rolling upgrade.
 */
@Singleton
public class InteractionService {

    static final String LABEL = "verifier interaction seal v1";
    static final int MAX_SEALED = 12_000;
    private static final Logger LOG = LoggerFactory.getLogger(InteractionService.class);
    private static final Argument<Map<String, List<String>>> PARAMETERS =
            Argument.mapOf(Argument.STRING, Argument.listOf(String.class));

    private final InteractionRepository legacy;
    private final FinishedInteractionRepository finished;
    private final AuthorizeConfiguration config;
    private final JsonMapper json;
    private final SecretsCipher seal;
    private final Clock clock;

    InteractionService(InteractionRepository legacy, FinishedInteractionRepository finished,
                       AuthorizeConfiguration config, JsonMapper json, Optional<SecretsCipher> keyRing, Clock clock) {
        this.legacy = legacy;
        this.finished = finished;
        this.clock = clock;
        this.config = config;
        this.json = json;
        this.seal = keyRing.orElseGet(() -> {
            LOG.warn("VERIFIER_SECRETS_KEY is not set: login and consent pages are sealed under a key of this process "
                    + "only, so a page shown by one copy cannot be posted to another");
            return SecretsCipher.fromKeyRing(SecretsCipher.newKeyRingEntry("process"));
        }).derived(LABEL);
    }

    /** The interaction id (the sealed request) for the browser holding {@code csrfToken}; nothing is stored. */
    public String start(AuthorizationParameters parameters, String csrfToken, @Nullable String sessionId) {
        Instant expiresAt = clock.instant().plus(config.interactionLifetime());
        byte[] sealed;
        try {
            sealed = json.writeValueAsBytes(new SealedInteraction(parameters.values(),
                    Hashes.sha256Base64Url(csrfToken), sessionId, expiresAt.getEpochSecond()));
        } catch (IOException e) {
            throw new IllegalStateException("parameters are always serialisable", e);
        }
        if (sealed.length > MAX_SEALED) {
            throw OAuthError.INVALID_REQUEST.exception("the authorization request is too large");
        }
        return seal.encrypt(new String(sealed, StandardCharsets.UTF_8));
    }

    /** The interaction, unless unknown, altered, expired or already used. */
    public Optional<Interaction> find(@Nullable String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        if (!id.startsWith("v1.")) {
            return findLegacy(id);
        }
        SealedInteraction sealed;
        try {
            sealed = json.readValue(seal.decrypt(id), SealedInteraction.class);
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(sealed.expiresAt()))
                || finished.existsById(Hashes.sha256Base64Url(id))) {
            return Optional.empty();
        }
        return Optional.of(new Interaction(id, new AuthorizationParameters(sealed.parameters()), sealed.csrfHash(),
                sealed.sessionHash(), Instant.ofEpochSecond(sealed.expiresAt())));
    }

    /** Marks the interaction used; a second use (two forms posted at once) is refused. */
    public void finish(Interaction interaction) {
        String idHash = Hashes.sha256Base64Url(interaction.id());
        if (!interaction.id().startsWith("v1.")) {
            legacy.deleteById(idHash);
            return;
        }
        try {
            finished.save(new FinishedInteractionRecord(idHash, interaction.expiresAt()));
        } catch (DataAccessException e) {
            throw OAuthError.INVALID_REQUEST.exception("this sign-in page was already used");
        }
    }

    /**
     * Removes the used-interaction marks (and previous-release rows) whose interaction has expired: an expired id is
     * refused by its sealed expiry alone, so the mark is no longer needed. Run by {@link InteractionPurge}, not on
     * the request path.
     */
    public void purgeExpired() {
        Instant now = clock.instant();
        finished.deleteByExpiresAtBefore(now);
        legacy.deleteByExpiresAtBefore(now);
    }

    private Optional<Interaction> findLegacy(String id) {
        return legacy.findById(Hashes.sha256Base64Url(id))
                .filter(r -> clock.instant().isBefore(r.expiresAt()))
                .map(r -> new Interaction(id, new AuthorizationParameters(read(r.parameters())), r.csrfHash(),
                        r.sessionHash(), r.expiresAt()));
    }

    private Map<String, List<String>> read(String parameters) {
        try {
            return json.readValue(parameters, PARAMETERS);
        } catch (IOException e) {
            throw new IllegalStateException("stored parameters are unreadable", e);
        }
    }
}
