package dev.verifier.token.code;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/**
 * In-JVM wake-up between this copy's code-issued listeners and its token requests waiting for that code: a waiter
 * {@link #expect}s a hash, a listener that stored the code completes it with {@link #arrived}. No polling.
 */
@Singleton
public class CodeArrivals {

    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Registers interest in {@code codeHash}; call {@link #forget} when done waiting. */
    CompletableFuture<Void> expect(String codeHash) {
        return waiting.computeIfAbsent(codeHash, h -> new CompletableFuture<>());
    }

    void forget(String codeHash, CompletableFuture<Void> arrival) {
        waiting.remove(codeHash, arrival);
    }

    public void arrived(String codeHash) {
        CompletableFuture<Void> arrival = waiting.remove(codeHash);
        if (arrival != null) {
            arrival.complete(null);
        }
    }

    int waiting() {
        return waiting.size();
    }

    /** Whether a token request in this copy is waiting for {@code codeHash} now. */
    public boolean awaited(String codeHash) {
        return waiting.containsKey(codeHash);
    }
}
