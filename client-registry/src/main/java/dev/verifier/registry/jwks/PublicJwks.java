package dev.verifier.registry.jwks;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * A client's JWK set as the registry accepts it: parseable, at least one and at most {@code maxKeys} keys, and public
 * keys only (a private key or a symmetric {@code oct} key is refused: it would leak or could forge signatures).
 */
public final class PublicJwks {

    private PublicJwks() {
    }

    public static JWKSet parse(Map<String, Object> json, int maxKeys) {
        try {
            return check(JWKSet.parse(json), json.get("keys"), maxKeys);
        } catch (ParseException | RuntimeException e) {
            throw rejected(e);
        }
    }

    public static JWKSet parse(String json, int maxKeys) {
        try {
            return parse(JSONObjectUtils.parse(json), maxKeys);
        } catch (ParseException | RuntimeException e) {
            throw rejected(e);
        }
    }

    private static JWKSet check(JWKSet set, Object rawKeys, int maxKeys) {
        if (rawKeys instanceof List<?> raw && raw.size() != set.getKeys().size()) {
            throw new InvalidJwksException("the JWK set holds a key that is not a valid JWK");
        }
        if (set.getKeys().isEmpty()) {
            throw new InvalidJwksException("the JWK set has no keys");
        }
        if (set.getKeys().size() > maxKeys) {
            throw new InvalidJwksException("the JWK set has more than " + maxKeys + " keys");
        }
        for (JWK key : set.getKeys()) {
            if (key instanceof OctetSequenceKey) {
                throw new InvalidJwksException("the JWK set holds a symmetric key; only public keys are allowed");
            }
            if (key.isPrivate()) {
                throw new InvalidJwksException("the JWK set holds a private key; only public keys are allowed");
            }
        }
        return set;
    }

    private static InvalidJwksException rejected(Exception e) {
        return e instanceof InvalidJwksException invalid ? invalid
                : new InvalidJwksException("the JWK set is not a valid JWK set");
    }

    /** Why a JWK set was refused (a message safe to show). */
    public static final class InvalidJwksException extends RuntimeException {
        public InvalidJwksException(String message) {
            super(message, null, false, false);
        }
    }
}
