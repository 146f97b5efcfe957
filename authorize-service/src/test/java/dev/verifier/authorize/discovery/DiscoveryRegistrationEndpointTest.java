package dev.verifier.authorize.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.Json;
import dev.verifier.shared.config.VerifierUrls;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code verifier.discovery.advertise-registration-endpoint=true} puts the registry's /clients in discovery. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.discovery.advertise-registration-endpoint", value = "true")
class DiscoveryRegistrationEndpointTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper mapper;
    @Inject
    VerifierUrls urls;

    @Test
    void registrationEndpointWhenConfiguredThenAdvertisedAsTheRegistryClients() {
        Json.Answer answer = new Json(server.getURL().toString(), mapper).get("/.well-known/openid-configuration", null);
        Map<String, Object> doc = answer.body();

        assertEquals(200, answer.status());
        assertEquals(VerifierUrls.strip(urls.registry()) + "/clients", doc.get("registration_endpoint"));
    }
}
