package dev.verifier.resource.support;

import java.util.HashMap;
import java.util.Map;

import dev.verifier.testsupport.KafkaTest;
import dev.verifier.testsupport.SharedKafka;
import dev.verifier.testsupport.TestTokenIssuer;

/**
 * A {@code @MicronautTest} of resource-api: the shared broker, and token-service's JWKS served by {@link #TOKENS},
 * which also signs the access tokens the tests send (issuer {@link #ISSUER}, audience {@link #AUDIENCE}).
 */
public interface ResourceApiTest extends KafkaTest {

    String ISSUER = "http://localhost:9000";
    String AUDIENCE = "http://localhost:9003";
    TestTokenIssuer TOKENS = new TestTokenIssuer(ISSUER);

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(SharedKafka.properties());
        props.put("verifier.urls.token-service", TOKENS.baseUrl());
        props.put("verifier.urls.issuer", ISSUER);
        props.put("verifier.urls.resource-api", AUDIENCE);
        return props;
    }
}
