package dev.verifier.shared.jose;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens whose signature was checked, by their exact compact form, each with the public key that checked it and its
 * claims already read: a client presents the same access token many times while it is valid, and parsing it and
 * checking its signature again was a fifth of a resource server's work per request (like Envoy's {@code jwt_authn}
 * cache of verified tokens).
 * <p>
 * Only the signature is remembered: a holder still makes every other check (type, issuer, audience, expiry against
 * its clock, revocation, DPoP binding) each time. A hit needs the very instance this class handed out
 * ({@link #parsed}) and a key equal to the one that checked it, so a token is checked again once its key is no longer
 * in the holder's key set, or the key under its {@code kid} changed. Entries are kept for {@code ttl}; at
 * {@code maxEntries} the cache starts again empty ({@code 0}: nothing is kept). Only tokens that passed the check are
 * kept, so made-up tokens cannot fill it. A plain class: each service holds one.
 */
public final class VerifiedTokens {

    private record Entry(SignedJWT jwt, JWK key, Instant until) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;

    public VerifiedTokens(int maxEntries, Duration ttl, Clock clock) {
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A cache that keeps nothing. */
    public static VerifiedTokens none() {
        return new VerifiedTokens(0, Duration.ZERO, Clock.systemUTC());
    }

    /** The token as parsed when its signature was checked, if that is still remembered; else parse it. */
    public SignedJWT parse(String compact) throws ParseException {
        Entry entry = fresh(compact);
        return entry != null ? entry.jwt() : SignedJWT.parse(compact);
    }

    /**
     * Whether {@code jwt}, an instance {@link #parse} handed out, was found signed by a key equal to {@code key} within
     * the ttl; false means: check the signature (and {@link #remember} it if it holds).
     */
    public boolean verifiedBy(SignedJWT jwt, JWK key) {
        Entry entry = fresh(jwt.getParsedString());
        return entry != null && entry.jwt() == jwt && entry.key().equals(key);
    }

    /** Remembers that {@code key} checked the signature of {@code jwt}; call only after that check passed. */
    public void remember(SignedJWT jwt, JWK key) {
        String compact = jwt.getParsedString();
        if (maxEntries <= 0 || compact == null) {
            return;
        }
        try {
            jwt.getJWTClaimsSet(); // read once here, before other threads share the instance
        } catch (ParseException e) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(compact, new Entry(jwt, key, clock.instant().plus(ttl)));
    }

    private Entry fresh(String compact) {
        if (compact == null || entries.isEmpty()) {
            return null;
        }
        Entry entry = entries.get(compact);
        return entry != null && clock.instant().isBefore(entry.until()) ? entry : null;
    }
}
