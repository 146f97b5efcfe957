package dev.verifier.authorize.password;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;

/**
 * Bounds the memory of password hashing: at most {@link #cap()} Argon2id computations of the configured memory run at
 * once in this copy; a caller waits up to {@code hash-wait} for a slot, then gets {@link PasswordHashingBusy}. A stored
 * hash that needs more memory than the configured cost takes as many slots as it needs. Created at start-up
 * ({@link Context}), where the cap is checked against the maximum heap ({@code -Xmx}).
 */
@Context
public class PasswordCheckLimiter {

    /** Bouncy Castle keeps each 1 KiB Argon2 block in a {@code long[128]} inside a small object: about 1,056 bytes. */
    static final long BYTES_PER_KIB = 1056;
    private static final long MIB = 1024 * 1024;

    private final int memoryKib;
    private final int cap;
    private final Duration wait;
    private final Semaphore slots;
    private final Counter rejected;

    @Inject
    PasswordCheckLimiter(PasswordHashingConfiguration config, MeterRegistry meters) {
        this(config, meters, Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
    }

    PasswordCheckLimiter(PasswordHashingConfiguration config, MeterRegistry meters, long maxHeapBytes, int cores) {
        this.memoryKib = config.memoryKib();
        this.cap = checkedCap(config, maxHeapBytes, cores);
        this.wait = config.hashWait();
        this.slots = new Semaphore(cap, true);
        this.rejected = meters.counter("verifier.passwords.hashing.rejected");
        meters.gauge("verifier.passwords.hashing.capacity", this, l -> l.cap);
        meters.gauge("verifier.passwords.hashing.in.use", this, l -> l.cap - l.slots.availablePermits());
    }

    /** Runs one hash computation needing {@code hashMemoryKib} once a slot is free. */
    public <T> T run(int hashMemoryKib, Supplier<T> hashing) {
        int needed = (int) Math.min(cap, Math.max(1, (hashMemoryKib + (long) memoryKib - 1) / memoryKib));
        boolean acquired;
        try {
            acquired = slots.tryAcquire(needed, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            rejected.increment();
            throw new PasswordHashingBusy("all " + cap + " password-hashing slots stayed busy for " + wait);
        }
        try {
            return hashing.get();
        } finally {
            slots.release(needed);
        }
    }

    public int cap() {
        return cap;
    }

    static int checkedCap(PasswordHashingConfiguration config, long maxHeapBytes, int cores) {
        String p = PasswordHashingConfiguration.PREFIX;
        if (config.heapBudgetPercent() < 1 || config.heapBudgetPercent() > 90) {
            throw new ConfigurationException(p + ".heap-budget-percent must be 1 to 90, not "
                    + config.heapBudgetPercent());
        }
        long perHash = config.memoryKib() * BYTES_PER_KIB;
        long budget = maxHeapBytes / 100 * config.heapBudgetPercent();
        String heap = "the password-hashing budget is " + budget / MIB + " MiB (" + p + ".heap-budget-percent="
                + config.heapBudgetPercent() + " of the maximum heap, " + maxHeapBytes / MIB + " MiB)";
        if (perHash > budget) {
            throw new ConfigurationException("One Argon2id hash at " + p + ".memory-kib=" + config.memoryKib()
                    + " needs " + perHash / MIB + " MiB but " + heap + ": lower " + p + ".memory-kib"
                    + " (VERIFIER_PASSWORDS_MEMORY_KIB) or raise the heap (-Xmx)");
        }
        Integer configured = config.maxConcurrentHashes();
        if (configured == null) {
            return (int) Math.max(1, Math.min(2L * cores, budget / perHash));
        }
        if (configured < 1) {
            throw new ConfigurationException(p + ".max-concurrent-hashes must be at least 1, not " + configured);
        }
        if (configured * perHash > budget) {
            throw new ConfigurationException(p + ".max-concurrent-hashes=" + configured + " Argon2id hashes at "
                    + p + ".memory-kib=" + config.memoryKib() + " need " + configured * perHash / MIB + " MiB but "
                    + heap + ": lower " + p + ".max-concurrent-hashes (VERIFIER_PASSWORDS_MAX_CONCURRENT_HASHES) to at"
                    + " most " + budget / perHash + ", or raise the heap (-Xmx)");
        }
        return configured;
    }
}
