package dev.verifier.token.code;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.verifier.shared.error.OAuthError;
import dev.verifier.token.config.TokenConfiguration;
import jakarta.inject.Singleton;

/**
 * Finds a received code, waiting up to {@code verifier.token.code-wait} for an event that has not arrived yet. Only
 * codes that can have been issued by us get here (their MAC was checked). A waiter registers with
 * {@link CodeArrivals}, reads the database once, then sleeps until this copy's listener stores the code (every copy
 * receives every event, {@link CodeArrivalListener}) or the wait ends, and reads once more: at most two reads, no
 * polling, no connection held while waiting. At most {@code verifier.token.codes.max-waiters} wait at once in a copy;
 * one more is answered 429 {@code temporarily_unavailable} at once.
 */
@Singleton
public class CodeWaiter {

    private final ReceivedCodeRepository codes;
    private final CodeArrivals arrivals;
    private final TokenConfiguration config;
    private final Semaphore waiters;

    CodeWaiter(ReceivedCodeRepository codes, CodeArrivals arrivals, TokenConfiguration config,
               CodeRedemptionConfiguration redemption) {
        this.codes = codes;
        this.arrivals = arrivals;
        this.config = config;
        this.waiters = new Semaphore(redemption.maxWaiters());
    }

    public Optional<ReceivedCode> find(String codeHash) {
        CompletableFuture<Void> arrival = arrivals.expect(codeHash);
        try {
            Optional<ReceivedCode> code = codes.findById(codeHash);
            if (code.isPresent()) {
                return code;
            }
            if (!waiters.tryAcquire()) {
                throw OAuthError.TOO_MANY_REQUESTS.exception("the server is busy; try again shortly");
            }
            try {
                arrival.get(config.codeWait().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // not arrived in this copy: the final read below decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiters.release();
            }
            return codes.findById(codeHash);
        } finally {
            arrivals.forget(codeHash, arrival);
        }
    }
}
