package dev.verifier.token.code;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/**
 * Which partitions of the code-issued topic this copy's storing listener ({@link CodeIssuedListener}) holds, shared
 * with its arrival listener ({@link CodeArrivalListener}), which reads every other partition: a record is then read
 * once per copy, by whichever of the two holds its partition, and that one wakes the copy's waiting requests.
 * <p>
 * A partition the storing listener lets go is handed over at the offset it had reached, so the arrival listener goes
 * on from exactly there; one it takes is read by it from the earlier of the group's committed offset and where the
 * arrival listener had got to ({@link #arrivalReadTo}). Until the storing listener holds any partition (start-up, or
 * a copy without it, {@code verifier.token.code-listener=false}) the arrival listener reads them all.
 */
@Singleton
class StoredPartitions {

    /** A released partition, and the offset from which the arrival listener reads it (empty: from the end). */
    record Release(int partition, Optional<Long> from) {
    }

    private final Object lock = new Object();
    private final Set<Integer> stored = new HashSet<>();
    private final Map<Integer, Optional<Long>> handedOver = new HashMap<>();
    private final Map<Integer, Long> arrivalNext = new ConcurrentHashMap<>();
    private volatile Runnable onChange = () -> { };
    private volatile boolean joined;

    /** Called by the storing listener's rebalance callback when it is given partitions, on its consumer's thread. */
    void storing(Set<Integer> partitions) {
        synchronized (lock) {
            stored.addAll(partitions);
            partitions.forEach(handedOver::remove);
            joined = true;
        }
        onChange.run();
    }

    /** Called by the storing listener's rebalance callback when it lets partitions go (revoked or lost). */
    void released(Iterable<Release> releases) {
        synchronized (lock) {
            for (Release release : releases) {
                stored.remove(release.partition());
                handedOver.put(release.partition(), release.from());
            }
        }
        onChange.run();
    }

    /** The partitions the storing listener holds, and the hand-overs not taken over yet. */
    record View(Set<Integer> stored, Map<Integer, Optional<Long>> handedOver) {
    }

    View view() {
        synchronized (lock) {
            return new View(Set.copyOf(stored), Map.copyOf(handedOver));
        }
    }

    /** The arrival listener applied these hand-overs; one made again since (another offset) stays. */
    void takenOver(Map<Integer, Optional<Long>> applied) {
        synchronized (lock) {
            applied.forEach((partition, from) -> handedOver.remove(partition, from));
        }
    }

    /** Whether the storing listener has been given its partitions (possibly none) since it started. */
    boolean joined() {
        return joined;
    }

    /** The partitions the storing listener holds now. */
    Set<Integer> stored() {
        synchronized (lock) {
            return Set.copyOf(stored);
        }
    }

    /** {@code listener} runs (on the caller's thread) after each change; the arrival listener registers itself. */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** The arrival listener has handled every record of {@code partition} before {@code next}. */
    void arrivalRead(int partition, long next) {
        arrivalNext.put(partition, next);
    }

    void arrivalLeft(int partition) {
        arrivalNext.remove(partition);
    }

    /** The offset before which the arrival listener has handled every record of {@code partition}, if it reads it. */
    Optional<Long> arrivalReadTo(int partition) {
        return Optional.ofNullable(arrivalNext.get(partition));
    }
}
