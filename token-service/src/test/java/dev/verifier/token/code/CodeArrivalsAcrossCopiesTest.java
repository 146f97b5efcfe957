package dev.verifier.token.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.verifier.testsupport.Eventually;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.CodePublisher;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.FakeRegistry;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenRequests;
import dev.verifier.token.support.TokenServiceTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each copy's arrival listener reads only the code-issued partitions its storing listener does not hold: none for a
 * lone copy (each record fetched once), the other copy's while two share the storing group — and a request waiting in
 * one copy for a code the other copy stores is still woken by its own copy (the wait here is 60 s, so an answer within
 * 10 s is a wake-up, not the final read at the wait's end). When a copy leaves, the other takes its partitions back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "CodeArrivalsAcrossCopiesTest")
@Property(name = "verifier.token.code-wait", value = "60s")
class CodeArrivalsAcrossCopiesTest implements TokenServiceTest {

    static final Duration REBALANCE = Duration.ofSeconds(30);

    @Inject
    TestClients clients;
    @Inject
    CodeFlow flow;
    @Inject
    CodePublisher publisher;
    @Inject
    JsonMapper json;
    @Inject
    EmbeddedServer server;
    @Inject
    StoredPartitions stored;
    @Inject
    CodeArrivalListener arrivals;
    @Inject
    CodeArrivals waitersA;

    int partitionCount;

    @Test
    void copiesSplitThePartitionsAndWakeTheirWaitersForCodesTheOtherStores() throws Exception {
        TestClients.Client spa = clients.register("none", "openid", "authorization_code");
        Eventually.until(() -> stored.joined() && !stored.stored().isEmpty() && arrivals.assigned().isEmpty(),
                REBALANCE, "a lone copy stores every partition and its arrival listener reads none");
        Set<Integer> all = stored.stored();
        partitionCount = all.size();
        Http httpA = new Http(server.getURI(), json);
        assertEquals(200, redeemWhileWaiting(httpA, waitersA, spa, all).status(), "the lone copy's waiter is woken");

        Map<String, Object> props = new HashMap<>(getProperties()); // its own port, its own fake registry
        props.put("spec.name", "CodeArrivalsAcrossCopiesTest-b");
        props.put("verifier.token.code-wait", "60s");
        try (EmbeddedServer copyB = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            copyB.getApplicationContext().getBean(FakeRegistry.class).put(spa.registered());
            StoredPartitions storedB = copyB.getApplicationContext().getBean(StoredPartitions.class);
            CodeArrivalListener arrivalsB = copyB.getApplicationContext().getBean(CodeArrivalListener.class);
            CodeArrivals waitersB = copyB.getApplicationContext().getBean(CodeArrivals.class);
            Eventually.until(() -> storedB.joined() && split(all, stored.stored(), storedB.stored())
                            && arrivals.assigned().equals(others(all, stored.stored()))
                            && arrivalsB.assigned().equals(others(all, storedB.stored())),
                    REBALANCE, "two copies split the partitions; each arrival listener reads those of the other");

            Http httpB = new Http(copyB.getURI(), json);
            for (int partition : all) { // the test topic may have one partition: one copy reads it, the other none
                assertEquals(200, redeemWhileWaiting(httpA, waitersA, spa, Set.of(partition)).status(),
                        "copy A's waiter for a code of partition " + partition);
                assertEquals(200, redeemWhileWaiting(httpB, waitersB, spa, Set.of(partition)).status(),
                        "copy B's waiter for a code of partition " + partition);
            }
        }
        Eventually.until(() -> stored.stored().equals(all) && arrivals.assigned().isEmpty(), REBALANCE,
                "copy A takes every partition back once B has left");
        assertEquals(200, redeemWhileWaiting(httpA, waitersA, spa, all).status(), "the lone copy's waiter again");
    }

    private static boolean split(Set<Integer> all, Set<Integer> a, Set<Integer> b) {
        Set<Integer> union = new HashSet<>(a);
        union.addAll(b);
        return union.equals(all) && a.size() + b.size() == all.size();
    }

    /**
     * Redeems at {@code http} a code whose record goes to one of {@code partitions}: the request waits in that copy
     * ({@code waiters}) before the event is published, and must be answered within 10 s of a 60 s wait.
     */
    private Http.Answer redeemWhileWaiting(Http http, CodeArrivals waiters, TestClients.Client spa,
                                           Set<Integer> partitions) throws Exception {
        Codes codes;
        do {
            codes = Codes.forClient(spa.id(), "openid");
        } while (!partitions.contains(partitionOf(codes.event().codeHash())));
        Codes chosen = codes;
        CompletableFuture<Http.Answer> pending = CompletableFuture.supplyAsync(
                () -> http.post("/token", TokenRequests.code(spa, chosen)));
        Eventually.until(() -> waiters.awaited(chosen.event().codeHash()), Duration.ofSeconds(10),
                "the request waits for its code");
        assertFalse(pending.isDone());
        publisher.publish(chosen.event());
        return pending.get(10, TimeUnit.SECONDS);
    }

    private int partitionOf(String recordKey) {
        return Utils.toPositive(Utils.murmur2(recordKey.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    private static Set<Integer> others(Set<Integer> all, Set<Integer> partitions) {
        Set<Integer> others = new HashSet<>(all);
        others.removeAll(partitions);
        return others;
    }
}
