package dev.verifier.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.verifier.testsupport.OffsetClock;
import org.junit.jupiter.api.Test;

class JwksKeysTest {

    private final List<JWK> published = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicBoolean originDown = new AtomicBoolean();
    private final OffsetClock clock = OffsetClock.stoppedAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final JwksKeys keys = new JwksKeys(() -> {
        fetches.incrementAndGet();
        if (originDown.get()) {
            throw new IllegalStateException("down");
        }
        return new JWKSet(List.copyOf(published));
    }, Duration.ofMinutes(5), Duration.ofSeconds(10), clock);

    @Test
    void knownKidIsServedFromTheCache() throws Exception {
        publish("k1");
        keys.forKid("k1");
        keys.forKid("k1");
        assertEquals(1, fetches.get());
    }

    @Test
    void unknownKidRefetchesOnceThenIsRateLimited() throws Exception {
        publish("k1");
        keys.forKid("k1");
        publish("k2");

        assertNotNull(keys.forKid("k2").getKeyByKeyId("k2"));
        assertEquals(2, fetches.get());

        keys.forKid("made-up-1");
        keys.forKid("made-up-2");
        assertEquals(2, fetches.get(), "no further refetch for unknown kids within 10 s");

        clock.advance(Duration.ofSeconds(11));
        keys.forKid("made-up-3");
        assertEquals(3, fetches.get());
    }

    @Test
    void lastGoodSetIsServedWhileTheOriginIsDown() throws Exception {
        publish("k1");
        JWKSet first = keys.forKid("k1");
        originDown.set(true);
        clock.advance(Duration.ofMinutes(6));

        assertSame(first, keys.forKid("k1"));
    }

    @Test
    void cachedAnswersWithoutFetchingOnlyWhenForKidWouldNotFetch() throws Exception {
        assertTrue(keys.cached("k1").isEmpty(), "nothing fetched yet");
        assertEquals(0, fetches.get());

        publish("k1");
        JWKSet set = keys.forKid("k1");
        assertSame(set, keys.cached("k1").orElseThrow());
        assertTrue(keys.cached("k2").isEmpty(), "an unknown kid is due a refetch");
        assertEquals(1, fetches.get(), "cached never fetches");

        keys.forKid("k2"); // the refetch for the unknown kid: further unknown kids wait 10 s
        assertTrue(keys.cached("k3").isPresent());
        clock.advance(Duration.ofMinutes(6));
        assertTrue(keys.cached("k1").isEmpty(), "an expired set is due a refetch");
        assertEquals(2, fetches.get());
    }

    private void publish(String kid) throws JOSEException {
        published.add(new RSAKeyGenerator(2048).keyID(kid).generate().toPublicJWK());
    }
}
