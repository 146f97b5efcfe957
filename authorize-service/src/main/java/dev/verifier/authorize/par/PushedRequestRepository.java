package dev.verifier.authorize.par;

import java.time.Instant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PushedRequestRepository extends CrudRepository<PushedRequestRecord, String> {

    /** 1 for the one caller that takes the request, 0 for every other. */
    @Query("DELETE FROM pushed_request WHERE id_hash = :idHash")
    int take(String idHash);

    @Query("DELETE FROM pushed_request WHERE expires_at < :now")
    int deleteExpired(Instant now);
}
