package dev.verifier.token.keys;

import java.security.PrivateKey;
import java.security.Provider;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.verifier.shared.jose.NativeCrypto;
import dev.verifier.shared.jose.ProviderKeys;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider that signs tokens. The native provider ({@link NativeCrypto}, Amazon Corretto Crypto Provider) signs
 * RS256 with about half the CPU of the JDK; it is used for the RS* and ES* algorithms when
 * {@code verifier.keys.native-signing} is on (the default) and it loads here.
 * Anywhere else (another platform, a failed self-test, the setting off) the JDK's own provider signs, so the service
 * always starts and the tokens are the same either way: only the CPU per signature differs.
 */
@Singleton
public class SigningProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SigningProvider.class);
    private static final Set<JWSAlgorithm> NATIVE = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final Provider provider;

    SigningProvider(KeysConfiguration config) {
        this.provider = config.nativeSigning() ? NativeCrypto.provider().orElse(null) : null;
        LOG.info("signing with {}", provider == null ? "the JDK's provider" : provider.getName());
    }

    /** The native provider in use, if any. */
    public Optional<Provider> nativeProvider() {
        return Optional.ofNullable(provider);
    }

    /**
     * A signer of {@code privateJwk} for {@code alg}, signing through the native provider when that is in use and
     * supports {@code alg}. The native provider then gets the private key as its own key object, made once here: handed
     * the JDK's key object, it converted the key to its native form again for every signature, which cost about a
     * third of token-service's CPU per client_credentials token.
     */
    JWSSigner signer(JWK privateJwk, JWSAlgorithm alg) throws JOSEException {
        if (provider == null || !NATIVE.contains(alg)) {
            return new DefaultJWSSignerFactory().createJWSSigner(privateJwk, alg);
        }
        JWSSigner signer;
        if (privateJwk instanceof RSAKey rsa) {
            signer = new RSASSASigner(ProviderKeys.own(rsa.toPrivateKey(), PrivateKey.class, provider));
        } else if (privateJwk instanceof ECKey ec) {
            signer = new ECDSASigner(ProviderKeys.own(ec.toPrivateKey(), PrivateKey.class, provider), ec.getCurve());
        } else {
            signer = new DefaultJWSSignerFactory().createJWSSigner(privateJwk, alg);
        }
        signer.getJCAContext().setProvider(provider);
        return signer;
    }
}
