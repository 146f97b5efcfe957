package dev.verifier.authorize.device;

import java.time.Instant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeviceAuthorizationRepository extends CrudRepository<DeviceAuthorizationRecord, String> {

    /** 1 for the one request that decides a pending, unexpired authorization; 0 for every other. */
    @Query("UPDATE device_authorization SET status = :status, decided_at = :now "
            + "WHERE user_code_hash = :userCodeHash AND status = 'PENDING' AND expires_at > :now")
    int decide(String userCodeHash, String status, Instant now);

    @Query("DELETE FROM device_authorization WHERE expires_at < :before")
    int deleteExpiredBefore(Instant before);
}
