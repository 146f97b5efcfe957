package dev.verifier.registry.jwks;

import java.time.Instant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/**
 * The JWKS cache rows. {@link #claimFirst} and {@link #claim} make one registry copy the fetcher of a client's set:
 * a claim succeeds only for the copy whose write lands first (the others wait for its result or serve the last set).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JwksCacheRepository extends CrudRepository<JwksCacheEntry, String> {

    /** Claims the first fetch of a client's set: inserts an in-flight row (no set, no error); 1 if this caller won. */
    @Query("""
            INSERT INTO client_jwks (client_id, jwks_uri, jwks, fetched_at, expires_at, last_attempt_at, last_error)
            VALUES (:clientId, :jwksUri, NULL, NULL, NULL, :now, NULL)
            ON CONFLICT DO NOTHING""")
    int claimFirst(String clientId, String jwksUri, Instant now);

    /** Claims a refetch if nobody attempted one since {@code seen}; marks it in flight; 1 if this caller won. */
    @Query("""
            UPDATE client_jwks SET last_attempt_at = :now, last_error = NULL
            WHERE client_id = :clientId AND last_attempt_at = :seen""")
    int claim(String clientId, Instant seen, Instant now);
}
