package dev.verifier.registry.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ClientRepository extends PageableRepository<ClientRecord, String> {

    /** Reads a client and locks its row until the transaction ends (read-modify-write without lost updates). */
    @Query("SELECT * FROM client WHERE client_id = :clientId FOR UPDATE")
    Optional<ClientRecord> lockById(String clientId);

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

    /** Clients whose metadata JSON matches {@code pattern} (LIKE, escape character {@code !}). */
    @Query("SELECT * FROM client WHERE metadata LIKE :pattern ESCAPE '!' ORDER BY client_id")
    List<ClientRecord> findByMetadataLike(String pattern);

    /** Clients whose encrypted secret was made under another key than {@code keyId} (or under no recorded key). */
    @Query("SELECT client_id FROM client WHERE secret_ciphertext IS NOT NULL "
            + "AND (secret_key_id IS NULL OR secret_key_id <> :keyId) ORDER BY client_id")
    List<String> findIdsWithSecretNotUnderKey(String keyId);
}
