package dev.verifier.token.audit;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.runtime.observability.RequestContextFilter;
import dev.verifier.testsupport.AuditTopicReader;
import dev.verifier.testsupport.SharedKafka;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.support.TokenRequests;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The security events of real flows (code exchange, code replay, refresh rotation and reuse, failed client
 * authentication, admin key rotation) reach the {@code verifier.audit} topic of the real broker, with source address
 * and trace id, and neither they nor any log line written meanwhile contain a secret, code or token.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "AuditTrailTest")
class AuditTrailTest extends TokenHttpTest {

    static final String SCOPE = "openid offline_access";

    @Inject
    CodeFlow codeFlow;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    TestClients.Client spa;
    TestClients.Client admin;

    @BeforeAll
    void setUp() {
        spa = clients.register("none", SCOPE, "authorization_code", "refresh_token");
        admin = clients.register("client_secret_basic", "keys.admin", "client_credentials");
        logs.start();
        root().addAppender(logs);
    }

    @AfterAll
    void tearDown() {
        root().detachAppender(logs);
    }

    static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void securityEventsOfAFlowAreOnTheAuditTopicWithoutSecrets() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(admin.secret(), "not-the-secret-4711"));
        Codes first = codeFlow.publish(spa, SCOPE);
        Http.Answer tokens = http.post("/token", TokenRequests.code(spa, first));
        assertEquals(200, tokens.status(), tokens.raw().body());
        assertEquals(400, http.post("/token", TokenRequests.code(spa, first)).status(), "code replayed");
        Codes second = codeFlow.publish(spa, SCOPE);
        Http.Answer secondTokens = http.post("/token", TokenRequests.code(spa, second));
        String refresh = secondTokens.string("refresh_token");
        Http.Answer refreshed = http.post("/token", TokenRequests.refresh(spa, refresh));
        assertEquals(200, refreshed.status(), refreshed.raw().body());
        assertEquals(400, http.post("/token", TokenRequests.refresh(spa, refresh)).status(), "refresh replayed");
        assertEquals(401, http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(admin.id(), "not-the-secret-4711")).status());
        Http.Answer adminToken = http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(admin.id(), admin.secret()));
        assertEquals(200, http.post("/admin/keys/rotate", List.of(),
                "Authorization", "Bearer " + adminToken.string("access_token")).status());
        for (Codes codes : List.of(first, second)) {
            secrets.add(codes.code());
            secrets.add(codes.verifier());
        }
        for (Http.Answer answer : List.of(tokens, secondTokens, refreshed, adminToken)) {
            for (String field : List.of("access_token", "refresh_token", "id_token")) {
                secrets.add(answer.string(field));
            }
        }

        List<String> expected = List.of(
                spa.id() + " tokens_issued authorization_code", spa.id() + " code_reuse_detected",
                spa.id() + " grant_family_revoked authorization_code_reuse", spa.id() + " tokens_issued refresh_token",
                spa.id() + " refresh_reuse_detected", spa.id() + " grant_family_revoked refresh_token_reuse",
                admin.id() + " client_auth_failed secret_mismatch", admin.id() + " tokens_issued client_credentials",
                admin.id() + " key_rotated admin");
        List<String> raw = AuditTopicReader.read(SharedKafka.bootstrapServers(),
                v -> v.contains(spa.id()) || v.contains(admin.id()),
                found -> summaries(found).containsAll(expected), Duration.ofSeconds(30));

        List<String> summaries = summaries(raw);
        assertTrue(summaries.containsAll(expected), summaries.toString());
        for (String record : raw) {
            Map<?, ?> event = json.readValue(record, Map.class);
            assertEquals("token-service", event.get("service"));
            assertEquals("127.0.0.1", event.get("source_address"), record);
            assertNotNull(event.get("trace_id"), record);
            assertNotNull(event.get("time"), record);
            for (String secret : secrets.stream().filter(Objects::nonNull).toList()) {
                assertFalse(record.contains(secret), "audit record carries a secret: " + record);
            }
        }
        List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("key_rotated")), "audit lines were captured");
        for (String line : lines) {
            for (String secret : secrets.stream().filter(Objects::nonNull).toList()) {
                assertFalse(line.contains(secret), "log line carries a secret: " + line);
            }
        }
    }

    @Test
    void requestIdIsEchoedAndEveryLineOfTheRequestCarriesItAndTheTraceparentTraceId() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Http.Answer answer = http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(admin.id(), "still-not-the-secret"),
                "X-Request-Id", "req-audit-42", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        assertEquals(401, answer.status());
        assertEquals("req-audit-42", answer.header(RequestContextFilter.HEADER));
        ILoggingEvent line = logs.list.stream()
                .filter(e -> e.getLoggerName().equals(AuditEvents.LOGGER))
                .filter(e -> e.getFormattedMessage().contains("still") || "req-audit-42".equals(
                        e.getMDCPropertyMap().get(RequestContextFilter.REQUEST_ID)))
                .findFirst().orElseThrow(() -> new AssertionError("no audit line for the request"));
        assertEquals("req-audit-42", line.getMDCPropertyMap().get(RequestContextFilter.REQUEST_ID));
        assertEquals(traceId, line.getMDCPropertyMap().get(RequestContextFilter.TRACE_ID));
        Map<?, ?> event = json.readValue(line.getFormattedMessage(), Map.class);
        assertEquals(traceId, event.get("trace_id"));
        assertFalse(line.getFormattedMessage().contains("still-not-the-secret"));
    }

    @Test
    void malformedRequestIdIsReplacedByAFreshOne() {
        Http.Answer answer = http.get("/jwks", "X-Request-Id", "bad id\twith spaces");

        String id = answer.header(RequestContextFilter.HEADER);
        assertNotNull(id);
        assertTrue(id.matches("[0-9a-f]{16}"), id);
    }

    private List<String> summaries(List<String> records) {
        List<String> out = new ArrayList<>();
        for (String record : records) {
            try {
                Map<?, ?> event = json.readValue(record, Map.class);
                Map<?, ?> details = event.get("details") instanceof Map<?, ?> d ? d : new HashMap<>();
                Object qualifier = details.containsKey("grant_type") ? details.get("grant_type")
                        : details.containsKey("reason") ? details.get("reason")
                        : details.containsKey("error") ? details.get("error")
                        : details.get("trigger");
                out.add((event.get("client_id") + " " + event.get("type")
                        + (qualifier == null ? "" : " " + qualifier)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }
}
