package dev.verifier.stack.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.stack.support.ha.FaultTally;
import dev.verifier.stack.support.ha.HaClients;
import dev.verifier.stack.support.ha.HaStack;
import dev.verifier.stack.support.ha.Journey;
import dev.verifier.stack.support.ha.Login;
import dev.verifier.stack.support.ha.TokenCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The promise that nothing is lost when parts die, on the high-availability topology (two copies of every service
 * behind a real HAProxy, three Kafka brokers, PostgreSQL): complete sign-ins with code redemption and a refresh each,
 * a bounded number at a time, while one broker is killed and restarted, one token-service copy is killed (SIGKILL) and
 * restarted, and one authorize-service copy is stopped (SIGTERM) and restarted. Refresh-reuse grace 30 s. Then the
 * whole topology is stopped at once, as a node shutdown does, and every process exits within 10 s.
 * {@code -Dverifier.faults.logins} (default 1000) and {@code -Dverifier.faults.parallel} (default 8) size the load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NothingLostWhenPartsDieTest {

    static final int LOGINS = Integer.getInteger("verifier.faults.logins", 1000);
    static final int PARALLEL = Integer.getInteger("verifier.faults.parallel", 8);

    HaStack stack;
    String redirectUri;
    Admin.Registered spa;
    String password;
    final List<String> faultLog = new ArrayList<>();

    @BeforeAll
    void startStack() throws Exception {
        stack = HaStack.start("faults", 2, 3, Map.of("VERIFIER_TOKENS_REFRESH_REUSE_GRACE", "30s"));
        Admin admin = stack.admin();
        redirectUri = stack.url(Service.RESOURCE).resolve("/cb").toString();
        spa = HaClients.publicSpa(admin, redirectUri);
        password = HaClients.user(admin);
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void signInsWhileABrokerATokenCopyAndAnAuthorizeCopyDieLoseNothing() throws Exception {
        FaultTally tally = new FaultTally();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch faultsOver = new CountDownLatch(1);
        CompletableFuture<Void> faults = CompletableFuture.runAsync(() -> injectFaults(done, faultsOver));
        TokenCalls calls = new TokenCalls();
        Login login = new Login(stack.url(Service.AUTHORIZE), spa.clientId(), redirectUri, HaClients.USERNAME, password);
        ExecutorService users = Executors.newFixedThreadPool(PARALLEL);
        long started = System.nanoTime();
        for (int i = 0; i < LOGINS; i++) {
            boolean last = i >= LOGINS * 9 / 10; // the last tenth waits for the restarted copies
            users.execute(() -> {
                if (last) {
                    awaitQuietly(faultsOver);
                }
                new Journey(login, stack.url(Service.TOKEN).resolve("/token"), spa.clientId(), redirectUri, calls,
                        tally).run();
                done.incrementAndGet();
            });
        }
        users.shutdown();
        assertTrue(users.awaitTermination(30, TimeUnit.MINUTES), "the journeys ended");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println(tally.report() + "\n  journeys                     " + LOGINS + " in " + seconds
                + " s, " + PARALLEL + " at a time\n  faults                       " + String.join("; ", faultLog));
        faults.join(); // after the report: a fault that went wrong still shows what the users saw

        assertEquals(LOGINS, tally.codesIssued.get(), "every sign-in got a code");
        assertEquals(Set.of(), missingFromTokenService(tally.codes), "codes lost on the way to token-service");
        assertEquals(0, tally.codesRedeemedTwice(), "codes redeemed twice");
        assertEquals(tally.failedRedemptionsCutByCrash.get(), tally.failedRedemptions.get(),
                "redemptions failed other than by the crash of the copy that held them");
        assertEquals(0, tally.failedRefreshes.get(), "refreshes that failed (a cut one is retried within the grace)");
        assertEquals(0, tally.copyErrors(), "5xx from a surviving copy: " + tally.serverErrors);
        assertEquals(0, tally.duplicateTokens.get(), "tokens issued twice");
    }

    @Test
    @Order(2)
    void everythingStoppedAtOnceExitsWithinTenSeconds() throws Exception {
        long signalled = System.nanoTime();

        List<String> running = stack.stopAllAtOnce(Duration.ofSeconds(10));

        System.out.println("everything stopped at once: still running after 10 s: " + running + " (waited "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled) + " ms)");
        assertEquals(List.of(), running, "processes still running 10 s after SIGTERM");
    }

    /** The faults, each when a share of the journeys is done; the stopped copy must leave on its own (drained). */
    private void injectFaults(AtomicInteger done, CountDownLatch over) {
        List<CompletableFuture<Void>> restarts = new ArrayList<>();
        try {
            awaitDone(done, LOGINS / 20);
            stack.broker(1).kill();
            log("broker 2 killed at journey " + done.get());
            restarts.add(CompletableFuture.runAsync(() -> {
                sleep(Duration.ofSeconds(10));
                restart(() -> stack.broker(1).restart(Duration.ofSeconds(600)), "broker 2", done);
            }));
            awaitDone(done, LOGINS / 5);
            stack.copy(Service.TOKEN, 0).kill();
            log("token-service copy 1 killed (SIGKILL) at journey " + done.get());
            restarts.add(CompletableFuture.runAsync(
                    () -> restart(() -> stack.restartCopy(Service.TOKEN, 0), "token-service copy 1", done)));
            awaitDone(done, LOGINS * 7 / 20);
            var authorize = stack.copy(Service.AUTHORIZE, 1);
            long stopAt = System.nanoTime();
            authorize.terminate();
            assertTrue(authorize.awaitExit(Duration.ofSeconds(10)), "the stopped copy left on its own");
            log("authorize-service copy 2 stopped (SIGTERM) at journey " + done.get() + ", exited after "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt) + " ms");
            restarts.add(CompletableFuture.runAsync(
                    () -> restart(() -> stack.restartCopy(Service.AUTHORIZE, 1), "authorize-service copy 2", done)));
            CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).join();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            over.countDown();
        }
    }

    interface Restart {
        void run() throws Exception;
    }

    private void restart(Restart restart, String what, AtomicInteger done) {
        try {
            restart.run();
            log(what + " back at journey " + done.get());
        } catch (Exception e) {
            throw new IllegalStateException(what + " did not come back", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void log(String line) {
        faultLog.add(line);
        System.out.println("fault: " + line);
    }

    private static void awaitDone(AtomicInteger done, int count) throws InterruptedException {
        while (done.get() < count) {
            Thread.sleep(50);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<String> missingFromTokenService(Set<String> codes) throws Exception {
        Set<String> received = new HashSet<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(Service.TOKEN), "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT code_hash FROM received_code")) {
            while (rs.next()) {
                received.add(rs.getString(1));
            }
        }
        Set<String> missing = new HashSet<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String code : codes) {
            String hash = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(sha256.digest(code.getBytes(StandardCharsets.US_ASCII)));
            if (!received.contains(hash)) {
                missing.add(hash);
            }
        }
        return missing;
    }
}
