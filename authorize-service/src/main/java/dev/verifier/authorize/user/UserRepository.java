package dev.verifier.authorize.user;

import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends CrudRepository<UserRecord, String> {

    Optional<UserRecord> findBySubject(String subject);

    /**
     * Replaces the password hash only if it is still {@code verified} (the one just checked), so that an upgrade of
     * the hash never overwrites a password changed meanwhile. Answers the number of rows changed (0 or 1).
     */
    @Query("UPDATE app_user SET password_hash = :replacement WHERE username = :username AND password_hash = :verified")
    int replacePasswordHash(String username, String verified, String replacement);
}
