package dev.verifier.testsupport;

import java.util.Map;

import io.micronaut.test.support.TestPropertyProvider;

/**
 * Implemented by a {@code @MicronautTest} class (with {@code @TestInstance(PER_CLASS)}) whose context talks to the
 * shared test broker.
 */
public interface KafkaTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return SharedKafka.properties();
    }
}
