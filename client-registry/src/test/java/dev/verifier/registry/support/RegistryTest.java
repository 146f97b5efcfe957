package dev.verifier.registry.support;

import java.util.HashMap;
import java.util.Map;

import dev.verifier.testsupport.KafkaTest;

/**
 * A {@code @MicronautTest} of the registry: the shared broker, and token-service's JWKS served by {@link TestTokens}.
 */
public interface RegistryTest extends KafkaTest {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(KafkaTest.super.getProperties());
        props.put("verifier.urls.token-service", TestTokens.baseUrl());
        props.putAll(extraProperties());
        return props;
    }

    default Map<String, String> extraProperties() {
        return Map.of();
    }
}
