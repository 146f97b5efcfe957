package dev.verifier.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * Implemented by a {@code @MicronautTest} class (with {@code @TestInstance(PER_CLASS)}) whose context uses a real
 * PostgreSQL database, plus the shared broker. The database is named after {@link #databaseName()}.
 */
public interface PostgresTest extends KafkaTest {

    String databaseName();

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(SharedKafka.properties());
        props.putAll(SharedPostgres.properties(databaseName()));
        return props;
    }
}
