package dev.verifier.shared.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The RFC 6749 §5.2 error shape: {@code {"error": "...", "error_description": "..."}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") @Nullable String errorDescription) {
}
