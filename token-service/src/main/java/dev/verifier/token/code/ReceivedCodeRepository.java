package dev.verifier.token.code;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReceivedCodeRepository extends CrudRepository<ReceivedCode, String> {

    /** Idempotent receipt: a redelivered event changes nothing. 1 when stored now, 0 when already there. */
    @Query("INSERT INTO received_code (code_hash, client_id, event, issued_at, expires_at, received_at, trace_parent) "
            + "VALUES (:codeHash, :clientId, :event, :issuedAt, :expiresAt, :receivedAt, :traceParent) "
            + "ON CONFLICT DO NOTHING")
    int insertIfAbsent(String codeHash, String clientId, String event, Instant issuedAt, Instant expiresAt,
                       Instant receivedAt, @Nullable String traceParent);

    /** The atomic single use: 1 for the one request that consumes the code, 0 for every other. */
    @Query("UPDATE received_code SET consumed_at = :now, family_id = :familyId "
            + "WHERE code_hash = :codeHash AND consumed_at IS NULL")
    int consume(String codeHash, Instant now, String familyId);

    @Query("DELETE FROM received_code WHERE (consumed_at IS NULL AND expires_at < :unconsumedBefore) "
            + "OR expires_at < :consumedBefore")
    int purge(Instant unconsumedBefore, Instant consumedBefore);
}
