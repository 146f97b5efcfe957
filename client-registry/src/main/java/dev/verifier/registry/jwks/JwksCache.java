package dev.verifier.registry.jwks;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.jwk.JWKSet;
import dev.verifier.registry.rules.RegistrationConfiguration;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JWK sets of {@code jwks_uri} clients, kept in the database (a restart keeps the last good set). A fresh set is
 * served as is; an expired one is fetched again; an unknown {@code kid} or a caller's {@code refresh} (a signature
 * failed) refetches a fresh set at most once per {@code min-refetch-interval}, which also spaces retries after a
 * failure. One fetch at a time per client: a lock in this process, and a claim on the row across the registry's copies
 * (the copy that loses the claim serves the last set, or waits for the winner's first one). While the origin fails
 * the last good set is served.
 */
@Singleton
public class JwksCache {

    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final JwksCacheRepository entries;
    private final JwksFetcher fetcher;
    private final JwksCacheConfiguration config;
    private final RegistrationConfiguration registration;
    private final JwksMetrics metrics;
    private final Clock clock;
    private final Map<String, ReentrantLock> flights = new ConcurrentHashMap<>();

    public JwksCache(JwksCacheRepository entries, JwksFetcher fetcher, JwksCacheConfiguration config,
                     RegistrationConfiguration registration, JwksMetrics metrics, Clock clock) {
        this.registration = registration;
        this.entries = entries;
        this.fetcher = fetcher;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The client's JWK set from {@code jwksUri}, as public JWK set JSON. */
    public String get(String clientId, String jwksUri, @Nullable String kid, boolean refresh) {
        JwksCacheEntry entry = current(clientId, jwksUri);
        if (entry != null && !needsFetch(entry, kid, refresh, clock.instant())) {
            metrics.hit();
            return entry.jwks();
        }
        ReentrantLock flight = flights.computeIfAbsent(clientId, id -> new ReentrantLock());
        flight.lock();
        try {
            entry = current(clientId, jwksUri);   // another caller may have fetched while we waited
            Instant now = clock.instant();
            if (entry != null && !needsFetch(entry, kid, refresh, now)) {
                metrics.hit();
                return entry.jwks();
            }
            if (entry != null && entry.attemptedWithin(now, config.minRefetchInterval())) {
                return servedWithoutFetch(entry);
            }
            boolean claimed = entry == null
                    ? entries.claimFirst(clientId, jwksUri, now) == 1
                    : entries.claim(clientId, entry.lastAttemptAt(), now) == 1;
            if (!claimed) {   // another copy of the registry is fetching this set right now
                return servedWithoutFetch(entries.findById(clientId).orElse(entry));
            }
            return fetch(clientId, jwksUri, entry, now);
        } finally {
            flight.unlock();
        }
    }

    private boolean needsFetch(JwksCacheEntry entry, @Nullable String kid, boolean refresh, Instant now) {
        if (!entry.isFresh(now)) {
            return !entry.hasSet() || !entry.attemptedWithin(now, config.minRefetchInterval());
        }
        boolean unknownKid = kid != null && !hasKid(entry.jwks(), kid);
        return (refresh || unknownKid) && !entry.attemptedWithin(now, config.minRefetchInterval());
    }

    /**
     * Rate-limited or fetched elsewhere: the last good set (stale or without the kid); with none yet, the result of a
     * fetch in flight in another copy (awaited), or the last failure.
     */
    private String servedWithoutFetch(@Nullable JwksCacheEntry entry) {
        JwksCacheEntry seen = entry != null && !entry.hasSet() && entry.lastError() == null ? awaitFetch(entry) : entry;
        if (seen != null && seen.hasSet()) {
            metrics.hit();
            return seen.jwks();
        }
        throw unavailable(seen == null ? null : seen.lastError());
    }

    /** Waits (at most one fetch's time-outs) for the fetch another copy claimed to store a set or an error. */
    private JwksCacheEntry awaitFetch(JwksCacheEntry inFlight) {
        long deadline = System.nanoTime() + config.connectTimeout().plus(config.readTimeout()).plusMillis(500).toNanos();
        JwksCacheEntry seen = inFlight;
        while (!seen.hasSet() && seen.lastError() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = entries.findById(inFlight.clientId()).orElse(seen);
        }
        return seen;
    }

    private String fetch(String clientId, String jwksUri, @Nullable JwksCacheEntry previous, Instant now) {
        try {
            JwksFetcher.Fetched fetched = fetcher.fetch(URI.create(jwksUri));
            JWKSet set = PublicJwks.parse(fetched.body(), registration.maxJwksKeys());
            String json = set.toString(true);
            entries.update(new JwksCacheEntry(clientId, jwksUri, json, now, now.plus(config.ttl(fetched.maxAge())),
                    now, null));
            metrics.fetched();
            return json;
        } catch (FetchException | PublicJwks.InvalidJwksException | IllegalArgumentException e) {
            metrics.failed();
            LOG.warn("JWKS fetch for client {} from {} failed: {}", clientId, jwksUri, e.getMessage());
            String error = truncate(e.getMessage());
            entries.update(previous == null
                    ? new JwksCacheEntry(clientId, jwksUri, null, null, null, now, error)
                    : new JwksCacheEntry(clientId, jwksUri, previous.jwks(), previous.fetchedAt(),
                    previous.expiresAt(), now, error));
            if (previous != null && previous.hasSet()) {
                return previous.jwks();   // stale while the origin fails
            }
            throw unavailable(error);
        }
    }

    @Nullable
    private JwksCacheEntry current(String clientId, String jwksUri) {
        JwksCacheEntry entry = entries.findById(clientId).orElse(null);
        if (entry != null && !entry.jwksUri().equals(jwksUri)) {
            entries.deleteById(clientId);   // the client's jwks_uri changed: the old set is not its set
            return null;
        }
        return entry;
    }

    private static boolean hasKid(String jwks, String kid) {
        try {
            return JWKSet.parse(jwks).getKeyByKeyId(kid) != null;
        } catch (java.text.ParseException e) {
            return false;
        }
    }

    private static RuntimeException unavailable(@Nullable String reason) {
        return OAuthError.TEMPORARILY_UNAVAILABLE.exception("the client's JWKS could not be fetched"
                + (reason == null ? "" : ": " + reason));
    }

    private static String truncate(String message) {
        String m = message == null ? "fetch failed" : message;
        return m.length() > 250 ? m.substring(0, 250) : m;
    }
}
