package dev.verifier.shared.jose;

import java.util.List;

/**
 * The JWS algorithms Verifier supports, in one place: what the registry accepts in client metadata, what discovery
 * advertises, and what the verifiers and signers use.
 */
public final class Algorithms {

    /** ID tokens (and access tokens) are signed with these (token-service keeps an RSA and a P-256 key). */
    public static final List<String> ID_TOKEN = List.of("RS256", "ES256");

    /** Request objects (RFC 9101): asymmetric only. */
    public static final List<String> REQUEST_OBJECT = List.of("RS256", "PS256", "ES256");

    /** client_secret_jwt assertions (RFC 7523, keyed with the client secret). */
    public static final List<String> CLIENT_SECRET_JWT = List.of("HS256", "HS384", "HS512");

    /** private_key_jwt assertions. */
    public static final List<String> PRIVATE_KEY_JWT = List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");

    private Algorithms() {
    }
}
