package dev.verifier.authorize.consent;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConsentRepository extends CrudRepository<ConsentRecord, String> {

    void deleteBySubject(String subject);
}
