package dev.verifier.token.keys;

import java.security.Provider;
import java.util.Optional;
import java.util.Set;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider that signs tokens. Amazon Corretto Crypto Provider (native code, shipped for x86-64 Linux) signs
 * RS256 with about half the CPU of the JDK; it is used for the RS* and ES* algorithms when
 * {@code verifier.keys.native-signing} is on (the default) and its native library loads and passes its self-tests.
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
        this.provider = config.nativeSigning() ? loadNative() : null;
        LOG.info("signing with {}", provider == null ? "the JDK's provider" : provider.getName());
    }

    /** The native provider in use, if any. */
    public Optional<Provider> nativeProvider() {
        return Optional.ofNullable(provider);
    }

    /** The signer, set to sign through the native provider when that is in use and supports {@code alg}. */
    JWSSigner configure(JWSSigner signer, JWSAlgorithm alg) {
        if (provider != null && NATIVE.contains(alg)) {
            signer.getJCAContext().setProvider(provider);
        }
        return signer;
    }

    private static Provider loadNative() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                LOG.info("native signing unavailable here ({}); the JDK signs", accp.getLoadingError().toString());
                return null;
            }
            accp.assertHealthy();
            return accp;
        } catch (RuntimeException | LinkageError e) {
            LOG.info("native signing unavailable here ({}); the JDK signs", e.toString());
            return null;
        }
    }
}
