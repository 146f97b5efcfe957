package dev.verifier.authorize.user;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.verifier.authorize.password.PasswordCheck;
import dev.verifier.authorize.password.PasswordHasher;
import dev.verifier.authorize.password.PasswordHashingBusy;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.event.SessionEnded;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Creates, reads, deletes users, changes passwords and claims, and checks a login; passwords are only ever kept
 * hashed.
 */
@Singleton
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");

    private final UserRepository repository;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final PasswordRehash rehash;
    private final JsonMapper json;
    private final ApplicationEventPublisher<UserDeleted> events;
    private final ApplicationEventPublisher<UserSignedOut> signOuts;
    private final DisabledUserRepository disabled;
    private final Clock clock;

    public UserService(UserRepository repository, PasswordHasher hasher, PasswordPolicy policy, PasswordRehash rehash,
                       JsonMapper json, ApplicationEventPublisher<UserDeleted> events,
                       ApplicationEventPublisher<UserSignedOut> signOuts, DisabledUserRepository disabled,
                       Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.policy = policy;
        this.rehash = rehash;
        this.json = json;
        this.events = events;
        this.signOuts = signOuts;
        this.disabled = disabled;
        this.clock = clock;
    }

    public UserView create(NewUser request) {
        String username = request.username();
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw OAuthError.INVALID_REQUEST.exception(
                    "username is required: 1 to 128 letters, digits or . _ @ + -");
        }
        policy.check(username, request.password());
        UserClaims claims = request.claims() == null ? emptyClaims() : request.claims();
        UserClaimsLimits.check(claims);
        if (repository.existsById(username)) {
            throw OAuthError.INVALID_REQUEST.exception("a user with this username already exists");
        }
        Instant now = now();
        UserRecord saved = repository.save(new UserRecord(username, RandomTokens.base64Url(16),
                newHash(request.password()), write(claims), now, now, now));
        return view(saved);
    }

    /**
     * Replaces the user's standard claims (all of them: a claim left out is removed) and sets {@code updated_at};
     * empty for an unknown user.
     */
    @Transactional
    public Optional<UserView> replaceClaims(String username, UserClaims claims) {
        UserClaimsLimits.check(claims);
        return repository.findById(username).map(r -> {
            Instant now = now();
            return view(repository.update(new UserRecord(r.username(), r.subject(), r.passwordHash(), write(claims),
                    r.createdAt(), now, now)));
        });
    }

    public Optional<UserView> find(String username) {
        return repository.findById(username).map(this::view);
    }

    public Optional<User> findBySubject(String subject) {
        return repository.findBySubject(subject).map(this::user);
    }

    /** The user with this subject unless unknown or disabled. */
    public Optional<User> findEnabledBySubject(String subject) {
        return findBySubject(subject).filter(u -> !disabled.existsById(u.subject()));
    }

    /**
     * Deletes the user; its sessions (and with them all its refresh tokens) and consents go with it, in one
     * transaction ({@link UserDeleted} listeners).
     */
    @Transactional
    public boolean delete(String username) {
        Optional<UserRecord> existing = repository.findById(username);
        if (existing.isEmpty()) {
            return false;
        }
        repository.deleteById(username);
        disabled.deleteById(existing.get().subject());
        events.publishEvent(new UserDeleted(username, existing.get().subject()));
        return true;
    }

    /** Disables the user: no login, every session ended, every refresh token revoked. False for an unknown user. */
    @Transactional
    public boolean disable(String username) {
        Optional<UserRecord> existing = repository.findById(username);
        if (existing.isEmpty()) {
            return false;
        }
        String subject = existing.get().subject();
        if (!disabled.existsById(subject)) {
            disabled.save(new DisabledUser(subject, now()));
        }
        signOuts.publishEvent(new UserSignedOut(username, subject, SessionEnded.Reason.USER_DISABLED));
        return true;
    }

    @Transactional
    public boolean enable(String username) {
        Optional<UserRecord> existing = repository.findById(username);
        existing.ifPresent(r -> disabled.deleteById(r.subject()));
        return existing.isPresent();
    }

    /** Changes the password; every session of the user ends and every refresh token is revoked. */
    @Transactional
    public boolean changePassword(String username, String password) {
        Optional<UserRecord> existing = repository.findById(username);
        if (existing.isEmpty()) {
            return false;
        }
        policy.check(username, password);
        UserRecord r = existing.get();
        repository.update(new UserRecord(r.username(), r.subject(), newHash(password), r.claims(),
                r.createdAt(), now(), r.profileUpdatedAt()));
        signOuts.publishEvent(new UserSignedOut(username, r.subject(), SessionEnded.Reason.PASSWORD_CHANGED));
        return true;
    }

    /**
     * The user when the password matches and the user is not disabled; empty for an unknown or disabled user or a
     * wrong password, in the same time. A matching hash that is PBKDF2 or below the configured cost is replaced by a
     * current Argon2id hash.
     *
     * @throws PasswordHashingBusy when no password-hashing slot became free in time (nothing was checked)
     */
    public Optional<User> authenticate(String username, String password) {
        Optional<UserRecord> found = username == null ? Optional.empty() : repository.findById(username);
        String given = password == null ? "" : password;
        if (found.isEmpty()) {
            hasher.matchesNobody(given);
            return Optional.empty();
        }
        UserRecord r = found.get();
        PasswordCheck check = hasher.check(given, r.passwordHash());
        boolean enabled = !disabled.existsById(r.subject());
        if (check == PasswordCheck.MATCH_NEEDS_REHASH && enabled) {
            rehash.upgrade(r.username(), r.passwordHash(), given);
        }
        // a disabled user gets exactly the answer of a wrong password, after the same work
        return check.matched() && enabled ? found.map(this::user) : Optional.empty();
    }

    private String newHash(String password) {
        try {
            return hasher.hash(password);
        } catch (PasswordHashingBusy e) {
            throw OAuthError.TEMPORARILY_UNAVAILABLE.exception("too many passwords are being hashed; try again shortly");
        }
    }

    private User user(UserRecord r) {
        return new User(r.username(), r.subject(), read(r.claims()), r.claimsUpdatedAt());
    }

    private UserView view(UserRecord r) {
        return new UserView(r.username(), r.subject(), read(r.claims()), r.createdAt(), r.updatedAt());
    }

    private String write(UserClaims claims) {
        try {
            return json.writeValueAsString(claims);
        } catch (IOException e) {
            throw new IllegalStateException("claims are always serialisable", e);
        }
    }

    private UserClaims read(String claims) {
        try {
            return json.readValue(claims, UserClaims.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored claims are unreadable", e);
        }
    }

    private static UserClaims emptyClaims() {
        return new UserClaims(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
