package dev.verifier.stack.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.UserAgent;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.stack.tracing.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One public-client flow is one trace across processes and Kafka: the four real services export their spans with OTLP
 * (switched on by environment only) to an in-memory OTLP/HTTP receiver; the test's user agent sends one W3C
 * {@code traceparent} on its requests (/authorize, login, consent, /token), as a traced client would. In that trace:
 * authorize-service's server span of /authorize, its code-issued PRODUCER span under the request that issued the code,
 * token-service's CONSUMER span whose parent is that producer span, and token-service's server span of /token; the
 * services' log lines of the flow carry the same trace id. Health probes make no spans.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceAcrossServicesTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String CODE_ISSUED_TOPIC = "verifier.code-issued";
    static final Duration EXPORTED = Duration.ofSeconds(30);

    OtlpReceiver receiver;
    VerifierStack stack;

    @BeforeAll
    void start() throws Exception {
        receiver = OtlpReceiver.start();
        stack = VerifierStack.isolated(Database.H2, "tracing", Map.of(
                "OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint().toString(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_BSP_SCHEDULE_DELAY", "200"));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        receiver.close();
    }

    @Test
    void oneFlowIsOneTraceFromAuthorizeThroughKafkaToToken() throws Exception {
        Admin admin = new Admin(stack);
        URI redirectUri = URI.create("http://127.0.0.1:8765/callback");
        String clientId = admin.registerClient(Map.of(
                "client_name", "Traced SPA",
                "redirect_uris", List.of(redirectUri.toString()),
                "grant_types", List.of("authorization_code"),
                "response_types", List.of("code"),
                "token_endpoint_auth_method", "none",
                "scope", "openid")).clientId();
        String username = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(Map.of("username", username, "password", PASSWORD, "name", "Traced Person",
                "email", username + "@example.com", "email_verified", true));

        String traceId = hex(16);
        String clientSpanId = hex(8);
        String traceparent = "00-" + traceId + "-" + clientSpanId + "-01";

        CodeVerifier verifier = new CodeVerifier();
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(clientId), redirectUri)
                .endpointURI(stack.issuer().resolve("/authorize"))
                .state(new State()).nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        AuthorizationSuccessResponse authorized = new UserAgent(stack.issuer(), Map.of("traceparent", traceparent))
                .authorize(request, username, PASSWORD);
        HTTPRequest tokenRequest = new TokenRequest(stack.url(Service.TOKEN).resolve("/token"),
                new ClientID(clientId),
                new AuthorizationCodeGrant(authorized.getAuthorizationCode(), redirectUri, verifier), null)
                .toHTTPRequest();
        tokenRequest.setHeader("traceparent", traceparent);
        TokenResponse tokens = OIDCTokenResponseParser.parse(tokenRequest.send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());

        ReceivedSpan authorize = receiver.await("authorize-service server span of /authorize",
                s -> s.traceId().equals(traceId) && s.service().equals("authorize-service")
                        && s.kind() == SpanKind.SPAN_KIND_SERVER && s.name().contains("/authorize"), EXPORTED);
        assertEquals(clientSpanId, authorize.parentSpanId(), "the server span continues the client's span");

        ReceivedSpan producer = receiver.await("authorize-service code-issued producer span",
                s -> s.traceId().equals(traceId) && s.kind() == SpanKind.SPAN_KIND_PRODUCER, EXPORTED);
        assertEquals("authorize-service", producer.service());
        assertEquals(CODE_ISSUED_TOPIC + " publish", producer.name());
        ReceivedSpan issuing = receiver.await("the request span that issued the code",
                s -> s.spanId().equals(producer.parentSpanId()), EXPORTED);
        assertEquals(List.of("authorize-service", SpanKind.SPAN_KIND_SERVER, traceId, clientSpanId),
                List.of(issuing.service(), issuing.kind(), issuing.traceId(), issuing.parentSpanId()),
                "the code-issued event is sent inside an authorize-service request of the flow: " + issuing);

        ReceivedSpan consumer = receiver.await("token-service consumer span of the code-issued record",
                s -> s.kind() == SpanKind.SPAN_KIND_CONSUMER && s.parentSpanId().equals(producer.spanId()),
                EXPORTED);
        assertEquals(List.of("token-service", traceId, CODE_ISSUED_TOPIC + " process"),
                List.of(consumer.service(), consumer.traceId(), consumer.name()), "crossed Kafka: " + consumer);

        ReceivedSpan token = receiver.await("token-service server span of /token",
                s -> s.traceId().equals(traceId) && s.service().equals("token-service")
                        && s.kind() == SpanKind.SPAN_KIND_SERVER && s.name().contains("/token"), EXPORTED);
        assertEquals(clientSpanId, token.parentSpanId());
        // the stack's start polled every service's readiness; those requests were exported before /token's span
        assertEquals(List.of(), receiver.spans().stream().filter(s -> s.name().contains("/health")).toList(),
                "probes make no spans");

        assertLogged("authorize-service", traceId, "code_issued");
        assertLogged("token-service", traceId, "tokens_issued");
    }

    /** Some log line of {@code service} for this trace is the audit event {@code type}. */
    private void assertLogged(String service, String traceId, String type) throws IOException {
        List<String> lines;
        try (var all = Files.lines(stack.logDir().resolve(service + ".log"))) {
            lines = all.filter(line -> line.contains(traceId)).toList();
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains(type)),
                service + " logged no " + type + " line with trace id " + traceId + ": " + lines);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
