package dev.verifier.registry.client;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ClientRepository extends PageableRepository<ClientRecord, String> {

    /** Inserts unless a client with this id exists (several copies seeding the same client at once); 1 if inserted. */
    @Query("""
            INSERT INTO client (client_id, metadata, auth_method, secret_hash, secret_ciphertext, secret_key_id,
                                first_party, created_at, updated_at)
            VALUES (:clientId, :metadata, :authMethod, :secretHash, :secretCiphertext, :secretKeyId,
                    :firstParty, :createdAt, :updatedAt)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(String clientId, String metadata, String authMethod, @Nullable String secretHash,
                       @Nullable String secretCiphertext, @Nullable String secretKeyId, boolean firstParty,
                       Instant createdAt, Instant updatedAt);
}
