package dev.verifier.authorize.session;

import java.time.Instant;
import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SsoSessionRepository extends CrudRepository<SsoSessionRecord, String> {

    long deleteByExpiresAtLessThanOrLastSeenAtLessThan(Instant now, Instant idleCutoff);

    List<SsoSessionRecord> findBySubjectOrderByAuthTime(String subject);

    void updateLastSeenAt(@io.micronaut.data.annotation.Id String idHash, Instant lastSeenAt);
}
