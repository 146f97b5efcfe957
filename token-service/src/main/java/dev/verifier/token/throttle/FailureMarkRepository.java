package dev.verifier.token.throttle;

import java.time.Instant;

import dev.verifier.shared.throttle.FailureStore;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FailureMarkRepository extends GenericRepository<FailureMark, Long>, FailureStore {

    @Override
    @Query("INSERT INTO failure_mark (kind, subject, failed_at) VALUES (:kind, :subject, :failedAt)")
    void add(String kind, String subject, Instant failedAt);

    @Override
    @Query("SELECT COUNT(*) FROM failure_mark WHERE kind = :kind AND subject = :subject AND failed_at > :since")
    long count(String kind, String subject, Instant since);

    @Override
    @Query("DELETE FROM failure_mark WHERE kind = :kind AND failed_at < :before")
    int purge(String kind, Instant before);
}
