package dev.verifier.token.keys;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The database side of the keys. Every write is insert-if-absent on (alg, generation), so copies that start or rotate
 * at the same moment end up with one key per generation and agree on it after their next read.
 */
@Singleton
class SigningKeyStore {

    private final SigningKeyRepository repository;
    private final KeyGeneration generation;

    SigningKeyStore(SigningKeyRepository repository, KeyGeneration generation) {
        this.repository = repository;
        this.generation = generation;
    }

    @Transactional
    List<SigningKey> all() {
        return repository.findAllOrderByGeneration();
    }

    /** The first key of an algorithm, signing at once (nothing can have cached a JWKS without it yet). */
    @Transactional
    void ensureFirstKey(JWSAlgorithm alg, Instant now) {
        if (newest(alg).isEmpty()) {
            insert(generation.generate(alg, 1, now, now));
        }
    }

    /** Adds the next key activating at {@code activatesAt}, unless a next key is already waiting. */
    @Transactional
    void addNextKey(JWSAlgorithm alg, Instant now, Instant activatesAt) {
        Optional<SigningKey> newest = newest(alg);
        if (newest.isPresent() && newest.get().activatesAt().isAfter(now)) {
            return;
        }
        int next = newest.map(k -> k.generation() + 1).orElse(1);
        insert(generation.generate(alg, next, now, activatesAt));
    }

    /**
     * Takes a compromised key out at once: when it signs ({@code replaceAt} given), a new key of its algorithm that
     * signs from that moment is added first (no pre-publication: validators refetch the JWKS on its unknown kid).
     */
    @Transactional
    void revoke(String kid, JWSAlgorithm alg, @Nullable Instant replaceAt) {
        if (replaceAt != null) {
            // another copy may take the next generation first (its rotation): then take the one after
            for (int attempt = 0; attempt < 3; attempt++) {
                int next = newest(alg).map(k -> k.generation() + 1).orElse(1);
                if (insert(generation.generate(alg, next, replaceAt, replaceAt)) == 1) {
                    break;
                }
            }
        }
        repository.deleteByKid(kid);
    }

    @Transactional
    void delete(String kid) {
        repository.deleteByKid(kid);
    }

    private Optional<SigningKey> newest(JWSAlgorithm alg) {
        return repository.findAllOrderByGeneration().stream().filter(k -> k.alg().equals(alg.getName()))
                .max(Comparator.comparingInt(SigningKey::generation));
    }

    private int insert(SigningKey key) {
        return repository.insertIfAbsent(key.kid(), key.alg(), key.generation(), key.privateJwk(), key.publicJwk(),
                key.createdAt(), key.activatesAt());
    }
}
