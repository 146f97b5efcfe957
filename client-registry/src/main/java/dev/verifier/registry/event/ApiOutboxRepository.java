package dev.verifier.registry.event;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiOutboxRepository extends CrudRepository<ApiOutboxEntry, Long> {

    /** The oldest waiting events, locked; rows another copy is publishing are skipped. */
    @Query("SELECT * FROM api_change_outbox ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<ApiOutboxEntry> lockOldest(int limit);
}
