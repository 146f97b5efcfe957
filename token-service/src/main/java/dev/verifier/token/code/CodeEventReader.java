package dev.verifier.token.code;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.verifier.shared.event.CodeEventLimits;
import dev.verifier.shared.event.CodeEventSeal;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.EventsConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Turns a {@code verifier.code-issued} record into a {@link CodeIssued} or a refusal reason, without side effects and
 * without ever throwing for bad input: bounded size, then the sealed wire format v2 ({@link CodeEventSeal}: key id,
 * AES-GCM authentication bound to the record key), then the JSON, then the bounded fields
 * ({@link CodeEventLimits}). Unauthenticated JSON records of the previous release (schema_version 1) are refused
 * unless {@code verifier.event.accept-unauthenticated-v1} is set for the upgrade window.
 */
@Singleton
class CodeEventReader {

    /** A readable event, or the reason it was refused (and whether it came in the legacy format). */
    record Result(@Nullable CodeIssued event, @Nullable String refusal, @Nullable String detail, boolean legacy) {
        static Result refused(String reason, String detail) {
            return new Result(null, reason, detail, false);
        }
    }

    private final CodeEventSeal seal;
    private final boolean acceptV1;
    private final JsonMapper json;

    CodeEventReader(EventsConfiguration config, JsonMapper json) {
        this.seal = config.seal();
        this.acceptV1 = config.acceptUnauthenticatedV1();
        this.json = json;
    }

    Result read(@Nullable String key, @Nullable byte[] value) {
        if (value == null || value.length == 0) {
            return Result.refused("malformed", "empty record");
        }
        if (value.length > CodeEventLimits.MAX_RECORD_BYTES) {
            return Result.refused("oversized", value.length + " bytes");
        }
        if (key == null || key.length() > 64) {
            return Result.refused("malformed", "record key missing or too long");
        }
        byte[] plaintext;
        boolean legacy = false;
        if (CodeEventSeal.isSealed(value)) {
            try {
                plaintext = seal.open(key, value);
            } catch (CodeEventSeal.RefusedException e) {
                return Result.refused(e.reason(), "sealed record could not be opened");
            }
        } else if (value[0] == '{' && acceptV1) {
            plaintext = value;
            legacy = true;
        } else {
            return Result.refused(value[0] == '{' ? "unauthenticated_v1" : "malformed", "not a sealed v2 record");
        }
        CodeIssued event;
        try {
            event = json.readValue(plaintext, CodeIssued.class);
        } catch (IOException | RuntimeException e) {
            return Result.refused("malformed", "not a CodeIssued JSON");
        }
        if (event == null || event.schemaVersion() != (legacy ? 1 : CodeIssued.SCHEMA_VERSION)) {
            return Result.refused("malformed", "unexpected schema_version");
        }
        String problem = CodeEventLimits.problem(event, key, claimsChars(event)).orElse(null);
        if (problem != null) {
            return Result.refused("invalid", problem);
        }
        return new Result(event, null, null, legacy);
    }

    private int claimsChars(CodeIssued event) {
        try {
            return new String(json.writeValueAsBytes(event.claims()), StandardCharsets.UTF_8).length();
        } catch (IOException | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
