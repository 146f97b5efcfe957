package dev.verifier.authorize.password;

import java.util.HashMap;
import java.util.Map;

import dev.verifier.testsupport.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link PasswordMigrationContract} on a real PostgreSQL 15. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordMigrationPostgresTest extends PasswordMigrationContract {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.putAll(SharedPostgres.properties("authorize_password_migration"));
        return props;
    }
}
