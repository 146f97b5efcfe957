package dev.verifier.token.backchannel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface BackchannelDeliveryRepository extends CrudRepository<BackchannelDelivery, Long> {

    /** Inserts the delivery unless this event already has it (a redelivered event adds nothing). */
    @Query("INSERT INTO backchannel_delivery (event_id, client_id, subject, sid, status, attempts, next_attempt_at, "
            + "created_at) VALUES (:eventId, :clientId, :subject, :sid, 'PENDING', 0, :now, :now) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String eventId, String clientId, String subject, String sid, Instant now);

    /** Due deliveries, locked; rows another copy is claiming are skipped. */
    @Query("SELECT * FROM backchannel_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now ORDER BY id "
            + "LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<BackchannelDelivery> lockDue(Instant now, int limit);

    /** Claims locked rows: counts the attempt and holds them until {@code leaseUntil}. */
    @Query("UPDATE backchannel_delivery SET attempts = attempts + 1, next_attempt_at = :leaseUntil WHERE id IN (:ids)")
    int claim(Collection<Long> ids, Instant leaseUntil);

    @Query("UPDATE backchannel_delivery SET status = :status, next_attempt_at = :nextAttemptAt, last_error = :lastError "
            + "WHERE id = :id")
    int settle(Long id, String status, Instant nextAttemptAt, @Nullable String lastError);

    @Query("DELETE FROM backchannel_delivery WHERE status <> 'PENDING' AND created_at < :before")
    int purge(Instant before);

    List<BackchannelDelivery> findBySubject(String subject);
}
