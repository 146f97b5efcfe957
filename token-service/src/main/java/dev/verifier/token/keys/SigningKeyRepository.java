package dev.verifier.token.keys;

import java.time.Instant;
import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SigningKeyRepository extends GenericRepository<SigningKey, String> {

    List<SigningKey> findAllOrderByGeneration();

    /** Inserts unless a key of that algorithm and generation exists (another copy won the race): 1 or 0. */
    @Query("INSERT INTO signing_key (kid, alg, generation, private_jwk, public_jwk, created_at, activates_at) "
            + "VALUES (:kid, :alg, :generation, :privateJwk, :publicJwk, :createdAt, :activatesAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String kid, String alg, int generation, String privateJwk, String publicJwk,
                       Instant createdAt, Instant activatesAt);

    void deleteByKid(String kid);
}
