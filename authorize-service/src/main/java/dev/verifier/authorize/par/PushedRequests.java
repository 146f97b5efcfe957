package dev.verifier.authorize.par;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Pushed authorization requests (RFC 9126) in the database, so any copy of the service can take them: a
 * {@code urn:ietf:params:oauth:request_uri:} with 256 random bits, stored by its hash, bound to the client that pushed
 * it, usable once (a second use, another client or an expired one is {@code invalid_request_uri}).
 */
@Singleton
public class PushedRequests {

    public static final String URN_PREFIX = "urn:ietf:params:oauth:request_uri:";
    private static final Argument<Map<String, List<String>>> PARAMETERS =
            Argument.mapOf(Argument.STRING, Argument.listOf(String.class));

    /** A stored request: its request_uri and lifetime in seconds. */
    public record Pushed(String requestUri, long expiresIn) {
    }

    private final PushedRequestRepository repository;
    private final ParConfiguration config;
    private final JsonMapper json;
    private final AuditEvents audit;
    private final Clock clock;

    PushedRequests(PushedRequestRepository repository, ParConfiguration config, JsonMapper json, AuditEvents audit,
                   Clock clock) {
        this.repository = repository;
        this.config = config;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    public static boolean isPushed(String requestUri) {
        return requestUri.startsWith(URN_PREFIX);
    }

    public Pushed push(String clientId, AuthorizationParameters parameters) {
        String requestUri = URN_PREFIX + RandomTokens.base64Url(32);
        try {
            repository.save(new PushedRequestRecord(Hashes.sha256Base64Url(requestUri), clientId,
                    json.writeValueAsString(parameters.values()), clock.instant().plus(config.requestLifetime())));
        } catch (IOException e) {
            throw new IllegalStateException("parameters are always serialisable", e);
        }
        audit.event(AuditType.AUTHORIZATION_REQUEST_PUSHED).actor(clientId).client(clientId).emit();
        return new Pushed(requestUri, config.requestLifetime().toSeconds());
    }

    /** The parameters pushed under {@code requestUri} by {@code clientId}; the request_uri cannot be used again. */
    public AuthorizationParameters take(String requestUri, String clientId) {
        String idHash = Hashes.sha256Base64Url(requestUri);
        Optional<PushedRequestRecord> found = repository.findById(idHash);
        if (found.isEmpty()) {
            throw invalid("the request_uri is unknown or was already used");
        }
        PushedRequestRecord record = found.get();
        if (!record.clientId().equals(clientId)) {
            throw invalid("the request_uri was pushed by another client");
        }
        if (repository.take(idHash) != 1) {
            throw invalid("the request_uri is unknown or was already used");
        }
        if (!clock.instant().isBefore(record.expiresAt())) {
            throw invalid("the request_uri has expired");
        }
        return new AuthorizationParameters(read(record.parameters()));
    }

    public int purgeExpired() {
        return repository.deleteExpired(clock.instant());
    }

    private Map<String, List<String>> read(String parameters) {
        try {
            return json.readValue(parameters, PARAMETERS);
        } catch (IOException e) {
            throw new IllegalStateException("stored parameters are unreadable", e);
        }
    }

    private static OAuthException invalid(String description) {
        return OAuthError.INVALID_REQUEST_URI.exception(description);
    }
}
