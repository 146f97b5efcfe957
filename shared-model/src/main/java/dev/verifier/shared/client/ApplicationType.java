package dev.verifier.shared.client;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** OIDC Registration {@code application_type}: {@code web} (default) or {@code native} (RFC 8252 redirect rules). */
@Serdeable
public enum ApplicationType {
    WEB("web"),
    NATIVE("native");

    private final String value;

    ApplicationType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<ApplicationType> from(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
