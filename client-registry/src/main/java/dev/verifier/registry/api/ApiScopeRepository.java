package dev.verifier.registry.api;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The scope index. The locking reads order by value, so that two writers never wait for each other in a circle. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiScopeRepository extends CrudRepository<ApiScopeRecord, String> {

    /** The rows of these values that exist, locked until the transaction ends (never call with no values). */
    @Query("SELECT * FROM api_scope WHERE scope_value IN (:values) ORDER BY scope_value FOR UPDATE")
    List<ApiScopeRecord> lockByValues(Collection<String> values);

    /** The rows of one API, locked until the transaction ends. */
    @Query("SELECT * FROM api_scope WHERE api_id = :apiId ORDER BY scope_value FOR UPDATE")
    List<ApiScopeRecord> lockByApiId(String apiId);

    List<ApiScopeRecord> findByScopeValueIn(Collection<String> values);
}
