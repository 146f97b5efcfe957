package dev.verifier.shared.client;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** {@code token_endpoint_auth_method} values (RFC 7591 §2, OIDC Core §9). {@link #NONE} is a public client. */
@Serdeable
public enum ClientAuthMethod {
    NONE("none", SecretStorage.NONE),
    CLIENT_SECRET_BASIC("client_secret_basic", SecretStorage.HASHED),
    CLIENT_SECRET_POST("client_secret_post", SecretStorage.HASHED),
    CLIENT_SECRET_JWT("client_secret_jwt", SecretStorage.ENCRYPTED),
    PRIVATE_KEY_JWT("private_key_jwt", SecretStorage.NONE);

    /** How the server keeps the client's secret: not at all, as a hash, or encrypted (the HMAC key must be known). */
    public enum SecretStorage { NONE, HASHED, ENCRYPTED }

    private final String value;
    private final SecretStorage secretStorage;

    ClientAuthMethod(String value, SecretStorage secretStorage) {
        this.value = value;
        this.secretStorage = secretStorage;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public SecretStorage secretStorage() {
        return secretStorage;
    }

    public boolean hasSecret() {
        return secretStorage != SecretStorage.NONE;
    }

    public boolean isPublic() {
        return this == NONE;
    }

    public static Optional<ClientAuthMethod> from(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }
}
