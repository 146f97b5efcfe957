package dev.verifier.authorize.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

/** The cap on concurrent password hashes: derived from the heap, checked against it, and enforced. */
class PasswordCheckLimiterTest {

    static final long MIB = 1024 * 1024;
    static final PasswordHashingConfiguration DEFAULTS =
            Hashers.config(19456, 2, 1, null, Duration.ofMillis(50));

    @Test
    void capIsDerivedSoThatTheHashesFitTheHeapBudget() {
        // 192 MiB heap: budget 48 MiB, one hash at 19456 KiB needs about 19.6 MiB -> 2
        assertEquals(2, PasswordCheckLimiter.checkedCap(DEFAULTS, 192 * MIB, 2));
        // a big heap is limited by the cores: two per core
        assertEquals(4, PasswordCheckLimiter.checkedCap(DEFAULTS, 8192 * MIB, 2));
        // 100 MiB heap: budget 25 MiB, room for one
        assertEquals(1, PasswordCheckLimiter.checkedCap(DEFAULTS, 100 * MIB, 2));
    }

    @Test
    void startupFailsNamingTheCapSettingWhenTheCapDoesNotFitTheHeap() {
        PasswordHashingConfiguration tooMany = Hashers.config(19456, 2, 1, 8, Duration.ofSeconds(1));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PasswordCheckLimiter.checkedCap(tooMany, 192 * MIB, 2));
        assertTrue(e.getMessage().contains("lower verifier.passwords.max-concurrent-hashes"), e.getMessage());
        assertTrue(e.getMessage().contains("VERIFIER_PASSWORDS_MAX_CONCURRENT_HASHES"), e.getMessage());
        assertTrue(e.getMessage().contains("to at most 2"), e.getMessage());
        assertEquals(2, PasswordCheckLimiter.checkedCap(Hashers.config(19456, 2, 1, 2, Duration.ofSeconds(1)),
                192 * MIB, 2));
    }

    @Test
    void startupFailsNamingTheMemorySettingWhenOneHashDoesNotFitTheHeap() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PasswordCheckLimiter.checkedCap(Hashers.config(262144, 2, 1, null, Duration.ofSeconds(1)),
                        512 * MIB, 2));
        assertTrue(e.getMessage().contains("lower verifier.passwords.memory-kib"), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
    }

    @Test
    void whenEverySlotStaysBusyTheNextHashIsRefusedAfterTheWaitAndCounted() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PasswordCheckLimiter limiter = new PasswordCheckLimiter(Hashers.config(64, 1, 1, 1, Duration.ofMillis(50)),
                meters, 1024 * MIB, 2);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> limiter.run(64, () -> {
            running.countDown();
            await(release);
            return "done";
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertEquals(1.0, meters.get("verifier.passwords.hashing.in.use").gauge().value());

        assertThrows(PasswordHashingBusy.class, () -> limiter.run(64, () -> "never"));
        assertEquals(1.0, meters.get("verifier.passwords.hashing.rejected").counter().count());

        release.countDown();
        assertEquals("done", holder.get(10, TimeUnit.SECONDS));
        assertEquals("free again", limiter.run(64, () -> "free again"));
    }

    @Test
    void aHashNeedingMoreMemoryThanConfiguredTakesSeveralSlots() throws Exception {
        PasswordCheckLimiter limiter = new PasswordCheckLimiter(Hashers.config(64, 1, 1, 3, Duration.ofMillis(50)),
                new SimpleMeterRegistry(), 1024 * MIB, 2);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> big = CompletableFuture.supplyAsync(() -> limiter.run(128, () -> {
            running.countDown();
            await(release);
            return "big";
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertEquals("one slot left", limiter.run(64, () -> "one slot left"));
        assertThrows(PasswordHashingBusy.class, () -> limiter.run(128, () -> "needs two"));
        release.countDown();
        assertEquals("big", big.get(10, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
