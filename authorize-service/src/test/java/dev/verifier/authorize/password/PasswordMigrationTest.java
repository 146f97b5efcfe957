package dev.verifier.authorize.password;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link PasswordMigrationContract} on the in-memory H2 database (PostgreSQL mode). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordMigrationTest extends PasswordMigrationContract {
}
