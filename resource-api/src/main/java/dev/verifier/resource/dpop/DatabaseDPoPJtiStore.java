package dev.verifier.resource.dpop;

import java.time.Instant;

import dev.verifier.shared.clientauth.JtiStore;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * resource-api's single-use store of DPoP proof {@code jti}s (the shared resource-server check in shared-model's
 * {@code runtime.security.DPoPBindingValidator} asks it), in this service's database so that every copy shares it: the
 * insert of (key, jti) does nothing on a duplicate. Rows are purged once the proof would be refused as too old.
 */
@Singleton
class DatabaseDPoPJtiStore implements JtiStore {

    private final UsedProofs proofs;

    DatabaseDPoPJtiStore(UsedProofs proofs) {
        this.proofs = proofs;
    }

    @Override
    @Transactional
    public boolean markUsed(String key, String jti, Instant expiresAt) {
        return proofs.insertIfAbsent(key, jti, expiresAt) == 1;
    }

    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    @Transactional
    void purgeExpired() {
        proofs.deleteExpired(Instant.now());
    }

    /** A used proof (the primary key is (key_id, jti); the queries below are native). */
    @MappedEntity("dpop_proof_jti")
    record UsedProof(@Id String jti, String keyId, Instant expiresAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface UsedProofs extends GenericRepository<UsedProof, String> {

        @Query("INSERT INTO dpop_proof_jti (key_id, jti, expires_at) VALUES (:keyId, :jti, :expiresAt) "
                + "ON CONFLICT DO NOTHING")
        int insertIfAbsent(String keyId, String jti, Instant expiresAt);

        @Query("DELETE FROM dpop_proof_jti WHERE expires_at < :now")
        int deleteExpired(Instant now);
    }
}
