package dev.verifier.authorize.password;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.passwords.*}: the Argon2id cost of new password hashes and how many hashes may run at once.
 * <ul>
 *   <li>{@code memory-kib}, {@code iterations}, {@code parallelism}: Argon2id m, t and p. The defaults are the OWASP
 *       Password Storage Cheat Sheet's minimum (19 MiB, 2 passes, 1 lane). Each stored hash carries its own parameters;
 *       a hash below these is replaced at the user's next successful login.</li>
 *   <li>{@code max-concurrent-hashes}: password hashes (checks and new hashes) running at once in this copy. Unset: derived
 *       from the heap, so that {@code memory-kib} × the cap stays within {@code heap-budget-percent} of the maximum heap
 *       (and at most two per core). Checked against the heap at start-up.</li>
 *   <li>{@code hash-wait}: how long a login waits for a free slot before it is shown the throttled page.</li>
 *   <li>{@code native-implementation}: compute Argon2id with the native reference implementation where it loads
 *       (default true); false: always Bouncy Castle's Java implementation ({@link Argon2Engines}).</li>
 * </ul>
 */
@ConfigurationProperties(PasswordHashingConfiguration.PREFIX)
public record PasswordHashingConfiguration(
        @Bindable(defaultValue = "" + PasswordHashingConfiguration.DEFAULT_MEMORY_KIB) int memoryKib,
        @Bindable(defaultValue = "" + PasswordHashingConfiguration.DEFAULT_ITERATIONS) int iterations,
        @Bindable(defaultValue = "" + PasswordHashingConfiguration.DEFAULT_PARALLELISM) int parallelism,
        @Nullable Integer maxConcurrentHashes,
        @Bindable(defaultValue = "25") int heapBudgetPercent,
        @Bindable(defaultValue = "2s") Duration hashWait,
        @Bindable(defaultValue = "true") boolean nativeImplementation) {

    public static final String PREFIX = "verifier.passwords";

    /** The defaults: the OWASP Password Storage Cheat Sheet's minimum for Argon2id (19 MiB, t=2, p=1). */
    public static final int DEFAULT_MEMORY_KIB = 19456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    public static final Argon2Cost OWASP_MINIMUM =
            new Argon2Cost(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);

    public Argon2Cost cost() {
        return new Argon2Cost(memoryKib, iterations, parallelism);
    }
}
