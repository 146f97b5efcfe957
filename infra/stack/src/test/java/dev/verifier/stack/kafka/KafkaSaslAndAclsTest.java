package dev.verifier.stack.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.verifier.stack.support.DemoSeed;
import dev.verifier.stack.support.KafkaPrincipals;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.Browser.Page;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole stack on a broker that requires SASL/SCRAM-SHA-256 and ACLs (StandardAuthorizer, no access without an
 * ACL): every service connects as its own principal with the ACLs of docs/operating.md, a login still ends in tokens
 * (authorize-service produces the code's event, token-service consumes it), and no other principal can write to
 * {@code verifier.code-issued} with the real Kafka producer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSaslAndAclsTest {

    final KafkaPrincipals kafka = new KafkaPrincipals();
    final HttpClient http = HttpClient.newHttpClient();
    VerifierStack stack;
    DemoSeed.Demo demo;

    @BeforeAll
    void startStack() throws Exception {
        stack = VerifierStack.isolated(Database.H2, "kafka-sasl", kafka);
        demo = stack.demo();
    }

    @AfterAll
    void stopStack() {
        stack.close();
    }

    @Test
    void loginEndsInTokensWithEachServiceUnderItsOwnPrincipal() throws Exception {
        Browser browser = new Browser(stack.issuer().toString());
        CodeVerifier verifier = new CodeVerifier();
        Page consent = browser.login(browser.open(authorizeUrl(verifier)), demo.username(), demo.password());
        Page redirect = browser.consent(consent, "approve");
        String code = redirect.redirectParams().get("code");

        HttpResponse<String> token = redeem(code, verifier);

        assertEquals(200, token.statusCode(), token.body());
    }

    @Test
    void aPrincipalWithoutAnAclCannotProduceToCodeIssued() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> produce(KafkaPrincipals.INTRUDER, "forged-code-hash", "{\"schema_version\":1}"));
        assertInstanceOf(AuthorizationException.class, refused.getCause(), refused.getCause().toString());
    }

    @Test
    void tokenServiceItselfCannotProduceToCodeIssued() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> produce(Service.TOKEN.module(), "forged-code-hash", "{\"schema_version\":1}"));
        TopicAuthorizationException denied = assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        assertEquals(java.util.Set.of(KafkaPrincipals.CODE_ISSUED), denied.unauthorizedTopics());
    }

    private void produce(String principal, String key, String value) throws Exception {
        Properties props = kafka.client(stack.kafkaBootstrapServers(), principal);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(KafkaPrincipals.CODE_ISSUED, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private URI authorizeUrl(CodeVerifier verifier) {
        Map<String, String> params = Map.of(
                "response_type", "code",
                "client_id", demo.clientId(),
                "redirect_uri", demo.redirectUri(),
                "scope", "openid profile",
                "state", "s" + System.nanoTime(),
                "code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue(),
                "code_challenge_method", "S256");
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(enc(v)));
        return stack.issuer().resolve("/authorize?" + query);
    }

    private HttpResponse<String> redeem(String code, CodeVerifier verifier) throws Exception {
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(demo.redirectUri())
                + "&client_id=" + enc(demo.clientId()) + "&code_verifier=" + enc(verifier.getValue());
        return http.send(HttpRequest.newBuilder(stack.url(Service.TOKEN).resolve("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
