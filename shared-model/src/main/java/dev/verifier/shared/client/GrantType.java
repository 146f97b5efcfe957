package dev.verifier.shared.client;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** The grant types Verifier supports (RFC 7591 {@code grant_types} values and {@code grant_type} at /token). */
@Serdeable
public enum GrantType {
    AUTHORIZATION_CODE("authorization_code"),
    REFRESH_TOKEN("refresh_token"),
    CLIENT_CREDENTIALS("client_credentials"),
    /** RFC 8628 §3.4: the device authorization grant. */
    DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code");

    private final String value;

    GrantType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<GrantType> from(String value) {
        return Arrays.stream(values()).filter(g -> g.value.equals(value)).findFirst();
    }
}
