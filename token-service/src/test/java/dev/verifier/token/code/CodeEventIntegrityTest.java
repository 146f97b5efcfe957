package dev.verifier.token.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.verifier.shared.event.CodeEventSeal;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.Topics;
import dev.verifier.testsupport.AuditLog;
import dev.verifier.testsupport.SharedKafka;
import dev.verifier.token.support.CodePublisher;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Refusals;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.support.TokenRequests;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Code-issued records published with the real Kafka producer to the real broker: only records sealed under the event
 * key ring become redeemable codes; forged, legacy, tampered, malformed and oversized ones yield no token, go to
 * {@code verifier.dead-letter} with their reason, and never hold up the partition.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "CodeEventIntegrityTest")
@Property(name = "verifier.token.code-wait", value = "1500ms")
class CodeEventIntegrityTest extends TokenHttpTest {

    static final String SCOPE = "openid profile email";

    @Inject
    CodePublisher publisher;
    @Inject
    ReceivedCodeRepository received;

    TestClients.Client spa;
    AuditLog audit;

    @BeforeAll
    void setUp() throws Exception {
        audit = AuditLog.start();
        spa = clients.register("none", SCOPE, "authorization_code");
        Codes warmUp = Codes.forClient(spa.id(), SCOPE);
        publisher.publish(warmUp.event());
        awaitStored(warmUp.event().codeHash(), Duration.ofSeconds(30));
    }

    @AfterAll
    void stopAudit() {
        audit.close();
    }

    @Test
    void forgedUnauthenticatedJsonRecordYieldsNoTokenAndIsDeadLettered() throws Exception {
        Codes forged = Codes.forClient(spa.id(), SCOPE);
        publisher.publishRaw(forged.event().codeHash(), publisher.json(forged.event()));

        assertInvalidGrant(http.post("/token", TokenRequests.code(spa, forged)));
        assertEquals("unauthenticated_v1", deadLetterReason(forged.event().codeHash()));
        assertTrue(received.findById(forged.event().codeHash()).isEmpty());
    }

    @Test
    void recordSealedWithAKeyOutsideTheRingYieldsNoToken() throws Exception {
        Codes forged = Codes.forClient(spa.id(), SCOPE);
        byte[] value = CodeEventSeal.fromKeyRing("attacker:" + "A".repeat(43))
                .seal(forged.event().codeHash(), publisher.json(forged.event()));
        publisher.publishRaw(forged.event().codeHash(), value);

        assertInvalidGrant(http.post("/token", TokenRequests.code(spa, forged)));
        assertEquals("unknown_key", deadLetterReason(forged.event().codeHash()));
    }

    @Test
    void sealedRecordReplayedUnderAnotherCodeHashIsUnauthenticated() throws Exception {
        Codes genuine = Codes.forClient(spa.id(), SCOPE);
        Codes other = Codes.forClient(spa.id(), SCOPE);
        publisher.publishRaw(other.event().codeHash(), publisher.sealed(genuine.event()));

        assertEquals("unauthenticated", deadLetterReason(other.event().codeHash()));
        assertTrue(received.findById(other.event().codeHash()).isEmpty());
        assertTrue(received.findById(genuine.event().codeHash()).isEmpty());
    }

    @Test
    void garbageAndOversizedRecordsAreDeadLetteredAndTheNextCodeStillArrivesPromptly() throws Exception {
        String garbageKey = "garbage-" + UUID.randomUUID();
        publisher.publishRaw(garbageKey, "not an event".getBytes(StandardCharsets.UTF_8));
        Codes huge = Codes.forClient(spa.id(), SCOPE);
        CodeIssued e = huge.event();
        CodeIssued oversized = new CodeIssued(e.schemaVersion(), e.codeHash(), e.clientId(), e.redirectUri(),
                e.scope(), e.subject(), e.codeChallenge(), e.codeChallengeMethod(), "n".repeat(5000), e.authTime(),
                e.acr(), e.amr(), e.sessionId(), e.claims(), e.issuedAt(), e.expiresAt());
        publisher.publish(oversized);
        Codes next = Codes.forClient(spa.id(), SCOPE);
        publisher.publish(next.event());

        awaitStored(next.event().codeHash(), Duration.ofSeconds(10));
        assertEquals(200, http.post("/token", TokenRequests.code(spa, next)).status());
        assertInvalidGrant(http.post("/token", TokenRequests.code(spa, huge)));
        assertEquals("malformed", deadLetterReason(garbageKey));
        assertEquals("invalid", deadLetterReason(e.codeHash()));
        String metrics = http.get("/prometheus").raw().body();
        assertTrue(metrics.contains("verifier_code_events_refused_total{reason=\"invalid\"}"), "metric by reason");
        assertTrue(metrics.contains("verifier_dead_letter_sent_total"), "dead-letter metric");
    }

    @Test
    void authenticEventWithScopeBeyondTheRegisteredScopeThenInvalidGrant() throws Exception {
        Codes codes = published(with(Codes.forClient(spa.id(), SCOPE), "openid profile email phone users.admin",
                TestClients.REDIRECT_URI, Duration.ofSeconds(60)));
        assertRefusedAtRedemption(http.post("/token", TokenRequests.code(spa, codes)), "scope_not_registered");
    }

    @Test
    void authenticEventWithUnregisteredRedirectUriThenInvalidGrant() throws Exception {
        String evil = "https://evil.example/cb";
        Codes codes = published(with(Codes.forClient(spa.id(), SCOPE), SCOPE, evil, Duration.ofSeconds(60)));
        assertRefusedAtRedemption(http.post("/token", Http.form("grant_type", "authorization_code", "code",
                codes.code(), "redirect_uri", evil, "code_verifier", codes.verifier(), "client_id", spa.id())),
                "redirect_uri_not_registered");
    }

    @Test
    void authenticEventLivingLongerThanTheCodeLifetimeThenInvalidGrant() throws Exception {
        Codes codes = published(with(Codes.forClient(spa.id(), SCOPE), SCOPE, TestClients.REDIRECT_URI,
                Duration.ofHours(1)));
        assertRefusedAtRedemption(http.post("/token", TokenRequests.code(spa, codes)), "code_lifetime_too_long");
    }

    @Test
    void authenticEventWithinTheRulesThenTokens() throws Exception {
        Codes codes = published(with(Codes.forClient(spa.id(), SCOPE), SCOPE, TestClients.REDIRECT_URI,
                Duration.ofSeconds(60)));
        assertEquals(200, http.post("/token", TokenRequests.code(spa, codes)).status());
    }

    private static Codes with(Codes codes, String scope, String redirectUri, Duration lifetime) {
        CodeIssued e = codes.event();
        return new Codes(codes.code(), codes.verifier(), new CodeIssued(e.schemaVersion(), e.codeHash(), e.clientId(),
                redirectUri, scope, e.subject(), e.codeChallenge(), e.codeChallengeMethod(), e.nonce(), e.authTime(),
                e.acr(), e.amr(), e.sessionId(), e.claims(), e.issuedAt(), e.issuedAt().plus(lifetime)));
    }

    private Codes published(Codes codes) throws InterruptedException {
        publisher.publish(codes.event());
        awaitStored(codes.event().codeHash(), Duration.ofSeconds(10));
        return codes;
    }

    private void awaitStored(String codeHash, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (received.findById(codeHash).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertTrue(received.findById(codeHash).isPresent(), "event stored");
    }

    private static void assertInvalidGrant(Http.Answer answer) {
        Refusals.assertInvalidGrant(answer, Refusals.CODE);
    }

    /** Refused at redemption by the check against the registered client, which audits {@code reason}. */
    private void assertRefusedAtRedemption(Http.Answer answer, String reason) {
        assertInvalidGrant(answer);
        assertEquals(reason, audit.reason("code_event_refused", spa.id()));
    }

    /** The reason header of the dead-letter record with {@code key}, waiting up to 15 s. */
    private static String deadLetterReason(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    seen.add(record.key());
                    if (key.equals(record.key())) {
                        return new String(record.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                                StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new AssertionError("no dead-letter record for " + key + " among " + seen);
    }
}
