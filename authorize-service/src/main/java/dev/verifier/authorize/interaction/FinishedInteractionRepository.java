package dev.verifier.authorize.interaction;

import java.time.Instant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FinishedInteractionRepository extends CrudRepository<FinishedInteractionRecord, String> {

    void deleteByExpiresAtBefore(Instant now);
}
