package dev.verifier.authorize.session;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.verifier.authorize.user.User;
import dev.verifier.authorize.user.UserDeleted;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.RandomTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * SSO sessions stored in the database (every copy of the service sees them), found by the hash of the cookie value.
 * A session ends at its absolute time-out, or when unused for the idle time-out.
 */
@Singleton
public class SessionService {

    /** A new session and the cookie value that names it (the only place the value exists on the server). */
    public record Started(SsoSession session, String cookieValue) {
    }

    private final SsoSessionRepository repository;
    private final SessionConfiguration config;
    private final Clock clock = Clock.systemUTC();

    SessionService(SsoSessionRepository repository, SessionConfiguration config) {
        this.repository = repository;
        this.config = config;
    }

    public Started start(User user) {
        String value = RandomTokens.base64Url(32);
        Instant now = now();
        SsoSessionRecord saved = repository.save(new SsoSessionRecord(Hashes.sha256Base64Url(value), user.username(),
                user.subject(), now, now, now.plus(config.absoluteTimeout())));
        return new Started(session(saved), value);
    }

    /** The active session named by the cookie, its idle clock reset; empty when absent, unknown or timed out. */
    public Optional<SsoSession> find(@Nullable String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return Optional.empty();
        }
        String idHash = Hashes.sha256Base64Url(cookieValue);
        Optional<SsoSessionRecord> found = repository.findById(idHash);
        Instant now = now();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SsoSessionRecord record = found.get();
        if (!now.isBefore(record.expiresAt()) || !now.isBefore(record.lastSeenAt().plus(config.idleTimeout()))) {
            repository.deleteById(idHash);
            return Optional.empty();
        }
        repository.updateLastSeenAt(idHash, now);
        return Optional.of(session(record));
    }

    public void end(String idHash) {
        repository.deleteById(idHash);
    }

    /** Ends the session a cookie names, if any: a login always starts a new session (no session fixation). */
    public void endByCookie(@Nullable String cookieValue) {
        if (cookieValue != null && !cookieValue.isEmpty()) {
            repository.deleteById(Hashes.sha256Base64Url(cookieValue));
        }
    }

    /** A deleted user's sessions end with it. */
    @EventListener
    void onUserDeleted(UserDeleted event) {
        repository.deleteBySubject(event.subject());
    }

    /** Deletes the sessions past their absolute or idle time-out; answers how many. */
    public long purgeExpired() {
        Instant now = now();
        return repository.deleteByExpiresAtLessThanOrLastSeenAtLessThan(now, now.minus(config.idleTimeout()));
    }

    private static SsoSession session(SsoSessionRecord r) {
        return new SsoSession(r.idHash(), r.username(), r.subject(), r.authTime());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
