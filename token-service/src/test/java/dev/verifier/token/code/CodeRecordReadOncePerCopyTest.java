package dev.verifier.token.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.verifier.shared.event.CodeEventSeal;
import dev.verifier.shared.event.EventsConfiguration;
import dev.verifier.shared.event.Topics;
import dev.verifier.token.support.CodePublisher;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.support.TokenRequests;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each copy receives every code-issued record twice, through its storing listener and its arrival listener, usually
 * at the same moment. The first to start on a record opens (authenticates, decrypts, parses) and stores it, the other
 * skips it: a record is opened and stored once per copy. A refused record is not remembered, so both listeners refuse
 * it. The records are handed to this context's two listener beans in both orders and at the same time; the counting
 * reader sees each opening.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "CodeRecordReadOncePerCopyTest")
class CodeRecordReadOncePerCopyTest extends TokenHttpTest {

    static final String SCOPE = "openid profile";
    /** A seal under a key outside the context's event key ring. */
    static final CodeEventSeal ATTACKER_SEAL =
            CodeEventSeal.fromKeyRing("attacker:AQx2Ceepuwes3ZBOc6rFbh-NuuM4TKqHkbYjGzvhfDB");

    @Inject
    CodeIssuedListener storing;
    @Inject
    CodeArrivalListener arrivals;
    @Inject
    CountingReader reader;
    @Inject
    CodePublisher publisher;
    @Inject
    ReceivedCodeRepository received;

    TestClients.Client spa;

    @BeforeAll
    void registerClient() {
        spa = clients.register("none", SCOPE, "authorization_code");
    }

    @Test
    void arrivalListenerFirstThenTheStoringListenerSkipsTheRecord() {
        assertSecondSkips(arrivals::onCodeIssued, storing::onCodeIssued);
    }

    @Test
    void storingListenerFirstThenTheArrivalListenerSkipsTheRecord() {
        assertSecondSkips(storing::onCodeIssued, arrivals::onCodeIssued);
    }

    private void assertSecondSkips(Consumer<ConsumerRecord<String, byte[]>> first,
                                   Consumer<ConsumerRecord<String, byte[]>> second) {
        Codes codes = Codes.forClient(spa.id(), SCOPE);
        ConsumerRecord<String, byte[]> record = record(codes.event().codeHash(), publisher.sealed(codes.event()));

        first.accept(record);
        assertTrue(received.findById(codes.event().codeHash()).isPresent(), "stored by the first listener");
        second.accept(record);

        assertEquals(1, reader.opened(codes.event().codeHash()));
        assertEquals(200, http.post("/token", TokenRequests.code(spa, codes)).status());
    }

    @Test
    void bothListenersAtTheSameMomentOpenEachRecordOnce() throws Exception {
        List<Codes> all = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 40; i++) {
                Codes codes = Codes.forClient(spa.id(), SCOPE);
                all.add(codes);
                ConsumerRecord<String, byte[]> record = record(codes.event().codeHash(),
                        publisher.sealed(codes.event()));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> first = threads.submit(() -> {
                    together.await();
                    arrivals.onCodeIssued(record);
                    return null;
                });
                Future<?> second = threads.submit(() -> {
                    together.await();
                    storing.onCodeIssued(record);
                    return null;
                });
                first.get(30, TimeUnit.SECONDS);
                second.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        for (Codes codes : all) {
            assertEquals(1, reader.opened(codes.event().codeHash()), "opened once");
            assertTrue(received.findById(codes.event().codeHash()).isPresent(), "stored");
        }
        assertEquals(200, http.post("/token", TokenRequests.code(spa, all.get(0))).status());
    }

    @Test
    void aRefusedRecordIsNotRememberedSoBothListenersOpenAndRefuseIt() {
        Codes codes = Codes.forClient(spa.id(), SCOPE);
        String hash = codes.event().codeHash();
        byte[] forged = ATTACKER_SEAL.seal(hash, publisher.json(codes.event()));
        ConsumerRecord<String, byte[]> record = record(hash, forged);

        arrivals.onCodeIssued(record);
        storing.onCodeIssued(record);

        assertEquals(2, reader.opened(hash));
        assertTrue(received.findById(hash).isEmpty(), "a forged record is never stored");
    }

    @Test
    void aForgedRecordUnderTheKeyOfAStoredCodeIsSkippedAndChangesNothing() {
        Codes codes = Codes.forClient(spa.id(), SCOPE);
        String hash = codes.event().codeHash();
        storing.onCodeIssued(record(hash, publisher.sealed(codes.event())));
        String stored = received.findById(hash).orElseThrow().event();

        byte[] forged = ATTACKER_SEAL.seal(hash, publisher.json(Codes.forClient(spa.id(), SCOPE).event()));
        arrivals.onCodeIssued(record(hash, forged));

        assertEquals(stored, received.findById(hash).orElseThrow().event());
        assertEquals(200, http.post("/token", TokenRequests.code(spa, codes)).status());
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.CODE_ISSUED, 0, 0L, key, value);
    }

    /** The real reader, counting the records it opens by key. */
    @Singleton
    @Replaces(CodeEventReader.class)
    @Requires(property = "spec.name", value = "CodeRecordReadOncePerCopyTest")
    static class CountingReader extends CodeEventReader {

        private final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();

        CountingReader(EventsConfiguration config, JsonMapper json) {
            super(config, json);
        }

        @Override
        Result read(@Nullable String key, @Nullable byte[] value) {
            if (key != null) {
                opened.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            return super.read(key, value);
        }

        int opened(String key) {
            AtomicInteger count = opened.get(key);
            return count == null ? 0 : count.get();
        }
    }
}
