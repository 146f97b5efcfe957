package dev.verifier.token.keys;

import java.text.ParseException;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import dev.verifier.shared.crypto.SecretsCipher;

/** A signing key decrypted in memory. */
record LoadedKey(String kid, JWSAlgorithm alg, int generation, JWK privateJwk, JWK publicJwk, Instant activatesAt) {

    static LoadedKey from(SigningKey stored, SecretsCipher cipher) {
        try {
            return new LoadedKey(stored.kid(), JWSAlgorithm.parse(stored.alg()), stored.generation(),
                    JWK.parse(cipher.decrypt(stored.privateJwk())), JWK.parse(stored.publicJwk()),
                    stored.activatesAt());
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + stored.kid() + " is unreadable", e);
        }
    }
}
