package dev.verifier.registry.support;

import java.util.HashMap;
import java.util.Map;

import dev.verifier.testsupport.PostgresTest;

/** A {@code @MicronautTest} of the registry on a real PostgreSQL 15, with token-service's JWKS served by {@link TestTokens}. */
public interface RegistryPostgresTest extends PostgresTest {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(PostgresTest.super.getProperties());
        props.put("verifier.urls.token-service", TestTokens.baseUrl());
        return props;
    }
}
