package dev.verifier.authorize.login;

import java.time.Instant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoginFailureRepository extends CrudRepository<LoginFailureRecord, Long> {

    long countByAccountAndFailedAtAfter(String account, Instant since);

    long countByAddressAndFailedAtAfter(String address, Instant since);

    void deleteByFailedAtBefore(Instant before);
}
