package dev.verifier.token.device;

import java.time.Instant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeviceGrantRepository extends CrudRepository<DeviceGrantRecord, String> {

    /** Idempotent receipt of the first event of a device code: a redelivery changes nothing. */
    @Query("INSERT INTO device_grant (device_code_hash, client_id, status, event, interval_seconds, expires_at, "
            + "received_at) VALUES (:deviceCodeHash, :clientId, :status, :event, :intervalSeconds, :expiresAt, "
            + ":receivedAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String deviceCodeHash, String clientId, String status, String event, int intervalSeconds,
                       Instant expiresAt, Instant receivedAt);

    /** The user's decision, taken once, only for the client the authorization was issued to. */
    @Query("UPDATE device_grant SET status = :status, event = :event WHERE device_code_hash = :deviceCodeHash "
            + "AND client_id = :clientId AND status = 'PENDING'")
    int decide(String deviceCodeHash, String clientId, String status, String event);

    /** A poll on time: 1 (and the next one is due at {@code nextPollAt}); 0 when it came before it was due. */
    @Query("UPDATE device_grant SET next_poll_at = :nextPollAt WHERE device_code_hash = :deviceCodeHash "
            + "AND (next_poll_at IS NULL OR next_poll_at <= :now)")
    int pollOnTime(String deviceCodeHash, Instant now, Instant nextPollAt);

    /** RFC 8628 §3.5 slow_down: the interval grows by {@code by} seconds for this device code. */
    @Query("UPDATE device_grant SET interval_seconds = interval_seconds + :by, next_poll_at = :nextPollAt "
            + "WHERE device_code_hash = :deviceCodeHash")
    int slowDown(String deviceCodeHash, int by, Instant nextPollAt);

    /** The single redemption: 1 for the one request that takes the approval, 0 for every other. */
    @Query("UPDATE device_grant SET status = 'REDEEMED', redeemed_at = :now WHERE device_code_hash = :deviceCodeHash "
            + "AND status = 'APPROVED'")
    int redeem(String deviceCodeHash, Instant now);

    @Query("DELETE FROM device_grant WHERE expires_at < :before")
    int purge(Instant before);
}
