package dev.verifier.authorize.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password hashes: Argon2id (RFC 9106; the native reference implementation, or Bouncy Castle's where it cannot load,
 * {@link Argon2Engines}) at the configured cost, 16-byte random salt, 32-byte output, in the PHC string format
 * ({@link Argon2idHash}). Hashes written before Argon2id (PBKDF2, {@link Pbkdf2Hash}) still
 * verify and, like Argon2id hashes below the configured cost, ask to be rehashed. Every computation goes through the
 * {@link PasswordCheckLimiter}. Unknown users are checked against a dummy hash at the configured cost, so timing does
 * not tell them from users with a current hash.
 */
@Context
public class PasswordHasher {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasher.class);
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Argon2Cost cost;
    private final PasswordCheckLimiter limiter;
    private final String dummyHash;
    private final Argon2Engine engine;

    @Inject
    public PasswordHasher(PasswordHashingConfiguration config, PasswordCheckLimiter limiter) {
        this(configuredCost(config), limiter, Argon2Engines.choose(config.nativeImplementation()));
        if (cost.isBelow(PasswordHashingConfiguration.OWASP_MINIMUM)) {
            LOG.warn("Password hashing is below the OWASP minimum ({}): Argon2id {}. Acceptable for tests and "
                    + "benchmarks only; raise {}.memory-kib / .iterations", PasswordHashingConfiguration.OWASP_MINIMUM,
                    cost, PasswordHashingConfiguration.PREFIX);
        }
    }

    PasswordHasher(Argon2Cost cost, PasswordCheckLimiter limiter, Argon2Engine engine) {
        this.cost = cost;
        this.limiter = limiter;
        this.engine = engine;
        this.dummyHash = hash("dummy password that nobody has");
    }

    /** A new Argon2id hash at the configured cost. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = limiter.run(cost.memoryKib(), () -> engine.derive(utf8(password), salt, cost, HASH_BYTES));
        return new Argon2idHash(cost, salt, hash).format();
    }

    public PasswordCheck check(String password, String stored) {
        Optional<Argon2idHash> argon2 = Argon2idHash.parse(stored);
        if (argon2.isPresent()) {
            Argon2idHash h = argon2.get();
            byte[] actual = limiter.run(h.cost().memoryKib(),
                    () -> engine.derive(utf8(password), h.salt(), h.cost(), h.hash().length));
            if (!MessageDigest.isEqual(h.hash(), actual)) {
                return PasswordCheck.NO_MATCH;
            }
            boolean weaker = h.cost().isBelow(cost) || h.salt().length < SALT_BYTES || h.hash().length < HASH_BYTES;
            return weaker ? PasswordCheck.MATCH_NEEDS_REHASH : PasswordCheck.MATCH;
        }
        Optional<Pbkdf2Hash> pbkdf2 = Pbkdf2Hash.parse(stored);
        if (pbkdf2.isPresent()) {
            byte[] actual = limiter.run(0, () -> pbkdf2.get().derive(password));
            return MessageDigest.isEqual(pbkdf2.get().hash(), actual)
                    ? PasswordCheck.MATCH_NEEDS_REHASH : PasswordCheck.NO_MATCH;
        }
        LOG.warn("A stored password hash is in no known format (neither PHC Argon2id nor PBKDF2): login refused");
        matchesNobody(password);
        return PasswordCheck.NO_MATCH;
    }

    public boolean matches(String password, String stored) {
        return check(password, stored).matched();
    }

    /** Spends the same time as a check of a current hash and always answers false: the path for unknown usernames. */
    public boolean matchesNobody(String password) {
        check(password, dummyHash);
        return false;
    }

    public Argon2Cost cost() {
        return cost;
    }

    private static Argon2Cost configuredCost(PasswordHashingConfiguration config) {
        try {
            return config.cost();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(PasswordHashingConfiguration.PREFIX + ".memory-kib / .iterations / "
                    + ".parallelism: " + e.getMessage());
        }
    }

    private static byte[] utf8(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
