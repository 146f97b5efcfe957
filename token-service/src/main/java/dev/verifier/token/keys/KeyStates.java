package dev.verifier.token.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * The keys of one moment, with their states derived from the timestamps: per algorithm the newest active key is
 * current, newer ones are next, older ones are previous until {@code retention} after their successor activated.
 */
record KeyStates(List<LoadedKey> keys, Instant now, Duration retention) {

    enum State { NEXT, CURRENT, PREVIOUS, RETIRED }

    Optional<LoadedKey> current(JWSAlgorithm alg) {
        return keys.stream().filter(k -> k.alg().equals(alg) && !k.activatesAt().isAfter(now))
                .max(Comparator.comparingInt(LoadedKey::generation));
    }

    State state(LoadedKey key) {
        if (key.activatesAt().isAfter(now)) {
            return State.NEXT;
        }
        Optional<LoadedKey> current = current(key.alg());
        if (current.isPresent() && current.get().kid().equals(key.kid())) {
            return State.CURRENT;
        }
        // its successor: the next higher generation there is (a revoked key leaves a gap)
        Instant supersededAt = keys.stream()
                .filter(k -> k.alg().equals(key.alg()) && k.generation() > key.generation())
                .min(Comparator.comparingInt(LoadedKey::generation))
                .map(LoadedKey::activatesAt).orElse(now);
        return supersededAt.plus(retention).isAfter(now) ? State.PREVIOUS : State.RETIRED;
    }

    List<LoadedKey> published() {
        List<LoadedKey> published = new ArrayList<>();
        for (LoadedKey key : keys) {
            if (state(key) != State.RETIRED) {
                published.add(key);
            }
        }
        return published;
    }

    List<LoadedKey> retired() {
        return keys.stream().filter(k -> state(k) == State.RETIRED).toList();
    }

    Optional<LoadedKey> newest(JWSAlgorithm alg) {
        return keys.stream().filter(k -> k.alg().equals(alg)).max(Comparator.comparingInt(LoadedKey::generation));
    }
}
