package dev.verifier.token.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.security.ResourceServerConfiguration;
import dev.verifier.token.config.TokenConfiguration;
import jakarta.inject.Singleton;

/**
 * The signing keys in memory (decrypted once per load), so signing and verifying never touch the database. Reloaded
 * by {@link KeyRotation} every {@code verifier.keys.refresh-interval}. Signers sign through {@link SigningProvider}.
 */
@Singleton
public class KeyRing {

    private final SigningKeyStore store;
    private final SecretsCipher cipher;
    private final TokenConfiguration tokens;
    private final Duration validatorSkew;
    private final Clock clock;
    private final SigningProvider provider;
    private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();
    private volatile List<LoadedKey> keys = List.of();

    KeyRing(SigningKeyStore store, SecretsCipher cipher, TokenConfiguration tokens,
            ResourceServerConfiguration accessTokens, Clock clock, SigningProvider provider) {
        this.store = store;
        this.cipher = cipher;
        this.tokens = tokens;
        this.validatorSkew = accessTokens.boundedClockSkew();
        this.clock = clock;
        this.provider = provider;
    }

    void reload() {
        keys = store.all().stream().map(k -> LoadedKey.from(k, cipher)).toList();
    }

    KeyStates states() {
        return new KeyStates(keys, clock.instant(), tokens.signedTokenRetention(validatorSkew));
    }

    /** The current key of {@code alg}, and a signer for it. */
    public Signing signing(JWSAlgorithm alg) {
        LoadedKey key = states().current(alg)
                .orElseThrow(() -> new IllegalStateException("no signing key for " + alg));
        JWSSigner signer = signers.computeIfAbsent(key.kid(), kid -> {
            try {
                return provider.signer(key.privateJwk(), alg);
            } catch (JOSEException e) {
                throw new IllegalStateException("signing key " + kid + " is unusable", e);
            }
        });
        return new Signing(key.kid(), alg, signer);
    }

    /** A published key (next, current or previous) by kid: what a validator reading /jwks would find. */
    public Optional<com.nimbusds.jose.jwk.JWK> publishedKey(String kid) {
        return states().published().stream().filter(k -> k.kid().equals(kid)).map(LoadedKey::publicJwk).findFirst();
    }

    /** The published keys (next, current, previous) with their states, as the key admin API shows them. */
    public List<PublishedKey> published() {
        KeyStates states = states();
        return states.published().stream().map(k -> new PublishedKey(k.kid(), k.alg().getName(),
                states.state(k).name().toLowerCase(), k.activatesAt())).toList();
    }

    public record Signing(String kid, JWSAlgorithm alg, JWSSigner signer) {
    }

    /** A published key: its {@code kid}, algorithm, state ({@code next}, {@code current}, {@code previous}). */
    public record PublishedKey(String kid, String alg, String state, Instant activatesAt) {
    }
}
