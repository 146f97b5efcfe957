package dev.verifier.registry.api;

import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiRepository extends PageableRepository<ApiRecord, String> {

    /** Reads an API and locks its row until the transaction ends. */
    @Query("SELECT * FROM api WHERE id = :id FOR UPDATE")
    Optional<ApiRecord> lockById(String id);

    Optional<ApiRecord> findByIdentifier(String identifier);
}
