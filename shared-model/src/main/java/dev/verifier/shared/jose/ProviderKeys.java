package dev.verifier.shared.jose;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;

import io.micronaut.core.annotation.Nullable;

/**
 * A key as a JCA provider's own object. A native provider (Corretto's) handed another provider's key object converts
 * it to its native form again for every signature or check; its own object, made once, spares that.
 */
public final class ProviderKeys {

    private ProviderKeys() {
    }

    /**
     * {@code key} translated by {@code provider}'s key factory; {@code key} itself for the JDK's providers
     * ({@code null}) or when the provider cannot take it.
     */
    public static <K extends Key> K own(K key, Class<K> type, @Nullable Provider provider) {
        if (provider == null) {
            return key;
        }
        try {
            Key translated = KeyFactory.getInstance(key.getAlgorithm(), provider).translateKey(key);
            return type.isInstance(translated) ? type.cast(translated) : key;
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }
}
