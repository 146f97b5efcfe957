package dev.verifier.shared.jose;

import java.security.Provider;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;

/**
 * Signature checks against public JWKs, with one verifier kept per key: turning a JWK into a {@code PublicKey}
 * (decoding its modulus or point) cost as much as the RSA check itself when it was done for every token. The cache is
 * keyed by the JWK's value and bounded (a key set holds a handful of keys; past {@value #MAX_KEYS} the cache starts
 * over), so a rotated or removed key simply stops being asked for. A plain class: each holder keeps its own. The JCA
 * provider is the JDK's unless a holder passes another (token-service passes its native signing provider). A holder
 * that passes {@link VerifiedTokens} (and parses tokens with them) has a token it already checked with the same key
 * answered from there.
 */
public final class PublicKeyVerifiers {

    private static final int MAX_KEYS = 64;

    private final Map<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    @Nullable
    private final Provider provider;
    private final VerifiedTokens verified;

    /** Verifiers on the JDK's own providers. */
    public PublicKeyVerifiers() {
        this(null);
    }

    /** Verifiers whose signature checks run on {@code provider} ({@code null}: the JDK's). */
    public PublicKeyVerifiers(@Nullable Provider provider) {
        this(provider, VerifiedTokens.none());
    }

    /** As above, remembering in {@code verified} each token found signed. */
    public PublicKeyVerifiers(@Nullable Provider provider, VerifiedTokens verified) {
        this.provider = provider;
        this.verified = verified;
    }

    /** The provider the checks run on; empty: the JDK's. */
    public Optional<Provider> provider() {
        return Optional.ofNullable(provider);
    }

    /**
     * Whether {@code jwt} is signed by {@code key} (its public part) with the algorithm its header names; false for a
     * symmetric key, an algorithm the key cannot verify, or a bad signature.
     */
    public boolean verifies(SignedJWT jwt, JWK key) {
        if (!(key instanceof AsymmetricJWK)) {
            return false;
        }
        if (verified.verifiedBy(jwt, key)) {
            return true;
        }
        if (check(jwt, key)) {
            verified.remember(jwt, key);
            return true;
        }
        return false;
    }

    private boolean check(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = verifiers.get(key);
            if (verifier == null) {
                if (verifiers.size() >= MAX_KEYS) {
                    verifiers.clear();
                }
                PublicKey publicKey = ProviderKeys.own(((AsymmetricJWK) key).toPublicKey(), PublicKey.class, provider);
                verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey);
                if (provider != null) {
                    verifier.getJCAContext().setProvider(provider);
                }
                verifiers.put(key, verifier);
            }
            return verifier.supportedJWSAlgorithms().contains(jwt.getHeader().getAlgorithm()) && jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }
}
