package dev.verifier.authorize.discovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.Json;
import dev.verifier.shared.event.ApiChanged;
import dev.verifier.shared.event.Topics;
import dev.verifier.testsupport.Eventually;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Discovery's {@code scopes_supported}: the OpenID Connect scopes and the scopes of the registered APIs, never the
 * internal admin scopes, and current after an API change (the ApiChanged event drops the cached list).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopesSupportedTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper mapper;
    @Inject
    FakeRegistry registry;

    @Test
    void scopesSupportedListsOidcAndApiScopesButNoInternalScope() {
        List<?> scopes = scopes();

        assertTrue(scopes.containsAll(List.of("openid", "profile", "email", "address", "phone", "offline_access",
                "notes.read", "notes.write")), scopes.toString());
        assertFalse(scopes.contains("registry.admin") || scopes.contains("users.admin"), scopes.toString());
    }

    @Test
    void aNewApisScopesAppearAfterItsApiChangedEvent() throws Exception {
        scopes(); // the list is cached now
        registry.putApiQuietly(FakeRegistry.api("https://billing.example", "Billing", true,
                "billing.read", "See your invoices"));
        assertFalse(scopes().contains("billing.read"), "cached until the event");

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        byte[] event = mapper.writeValueAsBytes(new ApiChanged(ApiChanged.SCHEMA_VERSION, "api-billing",
                ApiChanged.Change.CREATED, Instant.now()));
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            Eventually.until(() -> {
                producer.send(new ProducerRecord<>(Topics.API_CHANGED, "api-billing", event));
                producer.flush();
                return scopes().contains("billing.read");
            }, Duration.ofSeconds(20), "scopes_supported lists billing.read after ApiChanged");
        }
    }

    private List<?> scopes() {
        Map<String, Object> doc = new Json(server.getURL().toString(), mapper)
                .get("/.well-known/openid-configuration", null).body();
        return (List<?>) doc.get("scopes_supported");
    }
}
