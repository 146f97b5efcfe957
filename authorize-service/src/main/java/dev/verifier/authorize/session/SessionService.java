package dev.verifier.authorize.session;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.verifier.authorize.user.User;
import dev.verifier.authorize.user.UserDeleted;
import dev.verifier.authorize.user.UserSignedOut;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.event.SessionEnded;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * SSO sessions stored in the database (every copy of the service sees them), found by the hash of the cookie value.
 * A session ends at its absolute time-out, or when unused for the idle time-out, or when it is ended: by a logout, an
 * admin, or a change to its user; those ends are published ({@link SessionEvents}) in the same transaction.
 */
@Singleton
public class SessionService {

    /** A new session and the cookie value that names it (the only place the value exists on the server). */
    public record Started(SsoSession session, String cookieValue) {
    }

    /** A session as an admin sees it: its public id and times, never its key. */
    public record Listed(String sid, Instant authTime, Instant lastSeenAt, Instant expiresAt) {
    }

    private final SsoSessionRepository repository;
    private final SessionConfiguration config;
    private final SessionEvents events;
    private final Clock clock;

    SessionService(SsoSessionRepository repository, SessionConfiguration config, SessionEvents events, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.events = events;
        this.clock = clock;
    }

    public Started start(User user) {
        String value = RandomTokens.base64Url(32);
        Instant now = now();
        SsoSessionRecord saved = repository.save(new SsoSessionRecord(Hashes.sha256Base64Url(value), user.username(),
                user.subject(), now, now, now.plus(config.absoluteTimeout()), RandomTokens.base64Url(16)));
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

    /** RP-initiated logout: ends the session the cookie names and publishes its end; answers the ended session. */
    @Transactional
    public Optional<SsoSession> logout(@Nullable String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return Optional.empty();
        }
        Optional<SsoSessionRecord> found = repository.findById(Hashes.sha256Base64Url(cookieValue));
        found.ifPresent(r -> {
            repository.deleteById(r.idHash());
            events.record(r.subject(), r.publicId(), SessionEnded.Reason.LOGOUT, now());
        });
        return found.map(SessionService::session);
    }

    /** Ends every session of the subject and publishes one event for all of them; answers how many were active. */
    @Transactional
    public int endAll(String subject, SessionEnded.Reason reason) {
        List<SsoSessionRecord> sessions = repository.findBySubjectOrderByAuthTime(subject);
        repository.deleteAll(sessions);
        events.record(subject, null, reason, now());
        return sessions.size();
    }

    @Transactional
    public List<Listed> list(String subject) {
        return repository.findBySubjectOrderByAuthTime(subject).stream()
                .map(r -> new Listed(r.publicId(), r.authTime(), r.lastSeenAt(), r.expiresAt())).toList();
    }

    /** Asks the outbox relay to send what was just committed. */
    public void publishEnded() {
        events.publishSoon();
    }

    /** A deleted user's sessions end with it, and all their refresh tokens are revoked. */
    @EventListener
    void onUserDeleted(UserDeleted event) {
        endAll(event.subject(), SessionEnded.Reason.USER_DELETED);
    }

    @EventListener
    void onUserSignedOut(UserSignedOut event) {
        endAll(event.subject(), event.reason());
    }

    /** Deletes the sessions past their absolute or idle time-out; answers how many. */
    public long purgeExpired() {
        Instant now = now();
        return repository.deleteByExpiresAtLessThanOrLastSeenAtLessThan(now, now.minus(config.idleTimeout()));
    }

    private static SsoSession session(SsoSessionRecord r) {
        return new SsoSession(r.idHash(), r.publicId(), r.username(), r.subject(), r.authTime());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
