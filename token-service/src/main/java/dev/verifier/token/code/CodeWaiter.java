package dev.verifier.token.code;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.verifier.token.config.TokenConfiguration;
import jakarta.inject.Singleton;

/**
 * Finds a received code, waiting up to {@code verifier.token.code-wait} for an event that has not arrived yet. Each
 * database read takes and returns a pooled connection; between reads the thread sleeps on {@link CodeArrivals} (woken
 * at once by a listener in this copy, else after {@code code-poll}) holding no connection and not spinning.
 */
@Singleton
public class CodeWaiter {

    private final ReceivedCodeRepository codes;
    private final CodeArrivals arrivals;
    private final TokenConfiguration config;
    private final Clock clock;

    CodeWaiter(ReceivedCodeRepository codes, CodeArrivals arrivals, TokenConfiguration config, Clock clock) {
        this.codes = codes;
        this.arrivals = arrivals;
        this.config = config;
        this.clock = clock;
    }

    public Optional<ReceivedCode> find(String codeHash) {
        Instant deadline = clock.instant().plus(config.codeWait());
        while (true) {
            Optional<ReceivedCode> code = codes.findById(codeHash);
            Duration left = Duration.between(clock.instant(), deadline);
            if (code.isPresent() || left.isNegative() || left.isZero() || Thread.currentThread().isInterrupted()) {
                return code;
            }
            arrivals.await(codeHash, left.compareTo(config.codePoll()) < 0 ? left : config.codePoll());
        }
    }
}
