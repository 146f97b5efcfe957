package dev.verifier.shared.jose;

import java.security.Provider;
import java.util.Optional;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JWSVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native JCA provider for RSA and EC signatures and AES-GCM: Amazon Corretto Crypto Provider (native code, shipped
 * for x86-64 Linux), loaded once per JVM, and only if its native library loads and passes its self-tests. Elsewhere
 * (another platform, a failed self-test) there is none and the JDK's providers do the work: the results are the same
 * either way, only the CPU differs. token-service signs with it ({@code verifier.keys.native-signing}); every service
 * checks access-token signatures with it ({@code verifier.resource-server.native-verification}), and DPoP proofs,
 * client assertions and request objects wherever it loads ({@link #checking}); {@code AesKeyRing} seals and opens on it
 * wherever it loads. Under the launchers' C1-only JIT a check costs a tenth (RSA) to a twentieth (ES256) of the JDK's
 * CPU, AES-GCM a tenth.
 */
public final class NativeCrypto {

    private static final Logger LOG = LoggerFactory.getLogger(NativeCrypto.class);

    private NativeCrypto() {
    }

    /** The native provider, or empty where it does not load here. */
    public static Optional<Provider> provider() {
        return Optional.ofNullable(Holder.PROVIDER);
    }

    /**
     * {@code verifier}, set to check on the native provider where it loads (keys that arrive with each request, such
     * as a DPoP proof's or a client's, are taken as they are: the provider converts them itself, 0.05 ms per ES256
     * check against about 1 ms in the JDK's code under C1).
     */
    public static <V extends JWSVerifier> V checking(V verifier) {
        provider().ifPresent(provider -> verifier.getJCAContext().setProvider(provider));
        return verifier;
    }

    private static final class Holder {
        static final Provider PROVIDER = load();

        private static Provider load() {
            try {
                AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
                if (accp.getLoadingError() != null) {
                    LOG.info("native cryptography unavailable here ({}); the JDK's providers are used",
                            accp.getLoadingError().toString());
                    return null;
                }
                accp.assertHealthy();
                return accp;
            } catch (RuntimeException | LinkageError e) {
                LOG.info("native cryptography unavailable here ({}); the JDK's providers are used", e.toString());
                return null;
            }
        }
    }
}
