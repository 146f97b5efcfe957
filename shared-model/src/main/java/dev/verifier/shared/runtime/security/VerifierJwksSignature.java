package dev.verifier.shared.runtime.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.jose.PublicKeyVerifiers;
import dev.verifier.shared.jose.VerifiedTokens;
import dev.verifier.shared.security.JwksConfiguration;
import dev.verifier.shared.security.JwksKeys;
import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Verifies access-token signatures against token-service's {@code /jwks} ({@link VerifierUrls#jwksUri()}), refetching
 * the set once when a token names an unknown {@code kid} ({@link JwksKeys}). micronaut-security-jwt's own JWKS
 * signature (4.15) only refetches when its cache expires, so a key rotated in would be refused until then; services
 * configure this one instead of {@code micronaut.security.token.jwt.signatures.jwks.*}. Its state is the cached
 * public key set, which any copy can rebuild from the JWKS, and the tokens it found signed ({@link VerifiedTokens},
 * shared with {@link AccessTokenParser}): a token seen again is not checked again while its key is in the set. The
 * checks run on the native provider unless {@code verifier.resource-server.native-verification} is off
 * ({@link ResourceServerConfiguration#verificationProvider()}), loaded at the first check rather than at start-up.
 */
@Singleton
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class VerifierJwksSignature implements ReactiveSignatureConfiguration<SignedJWT> {

    private static final int MAX_JWKS_BYTES = 256 * 1024;

    private final JwksKeys keys;
    private final Supplier<PublicKeyVerifiers> verifiers;
    private final ExecutorService blocking;

    public VerifierJwksSignature(VerifierUrls urls, JwksConfiguration config, ResourceServerConfiguration server,
                                 VerifiedTokens verified, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
        // made at the first check, not at start-up: loading the native provider costs about 0.3 s of CPU, which a
        // service that is never asked to check a token (or not yet) does not need to spend while it starts
        this.verifiers = SupplierUtil.memoized(() -> new PublicKeyVerifiers(server.verificationProvider(), verified));
        URI jwksUri = urls.jwksUri();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.keys = new JwksKeys(() -> fetch(http, jwksUri), config.cacheTtl(),
                config.minRefreshInterval(), Clock.systemUTC());
    }

    /** The provider that checks the signatures; empty: the JDK's. */
    public Optional<Provider> provider() {
        return verifiers.get().provider();
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT token) {
        String kid = token.getHeader().getKeyID();
        Optional<JWKSet> cached = keys.cached(kid);
        if (cached.isPresent()) { // the usual case: checked in place, no thread hop
            return Publishers.just(verifyWith(token, cached.get()));
        }
        // a JWKS fetch may block, so that check runs off the event loop
        return Publishers.fromCompletableFuture(() -> CompletableFuture
                .supplyAsync(() -> verifyWith(token, keys.forKid(kid)), blocking)
                .exceptionally(failure -> false));
    }

    /**
     * The same check, blocking (callers on a blocking thread): whether the token is signed by a key of token-service's
     * JWKS; false when it is not or the keys cannot be had.
     */
    public boolean verifiesNow(SignedJWT token) {
        try {
            return verifyWith(token, keys.forKid(token.getHeader().getKeyID()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a key of {@code set} with the token's {@code kid} and of its algorithm's key type signed it. */
    private boolean verifyWith(SignedJWT token, JWKSet set) {
        KeyType type = KeyType.forAlgorithm(token.getHeader().getAlgorithm());
        String kid = token.getHeader().getKeyID();
        for (JWK key : set.getKeys()) {
            if ((kid == null || kid.equals(key.getKeyID())) && key.getKeyType().equals(type)
                    && verifiers.get().verifies(token, key)) {
                return true;
            }
        }
        return false;
    }

    private static JWKSet fetch(HttpClient http, URI jwksUri) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_JWKS_BYTES) {
                throw new IllegalStateException("JWKS at " + jwksUri + " answered " + response.statusCode());
            }
            return JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("JWKS at " + jwksUri + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the JWKS", e);
        }
    }
}
