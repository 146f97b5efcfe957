package dev.verifier.token.grant.resource;

import java.util.Map;

import dev.verifier.testsupport.SharedPostgres;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link ResourceIndicatorsTest} on a real PostgreSQL 15: the granted resources travel through the received code and
 * the grant family's stored grant there as on H2 (down-scoping at the code exchange and at refresh).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ResourceIndicatorsPostgresTest")
class ResourceIndicatorsPostgresTest extends ResourceIndicatorsTest {

    @Override
    public Map<String, String> extraProperties() {
        return SharedPostgres.properties("token_resources");
    }
}
