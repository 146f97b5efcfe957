package dev.verifier.shared.event;

import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;

/**
 * Bounded sizes of every {@link CodeIssued} field, checked by the consumer before anything is stored: an event that is
 * incomplete or too large is refused (and sent to the dead-letter topic), never retried.
 */
public final class CodeEventLimits {

    /** The largest record value accepted on {@link Topics#CODE_ISSUED} (sealed form). */
    public static final int MAX_RECORD_BYTES = 32 * 1024;
    public static final int MAX_CLAIMS_JSON_CHARS = 16 * 1024;

    private CodeEventLimits() {
    }

    /** The first problem of {@code e} ({@code recordKey}: the record's key), or empty when it is acceptable. */
    public static Optional<String> problem(CodeIssued e, @Nullable String recordKey, int claimsJsonChars) {
        if (e.codeHash() == null || !e.codeHash().equals(recordKey)) {
            return Optional.of("code_hash does not match the record key");
        }
        return first(
                text("code_hash", e.codeHash(), 64, true),
                text("client_id", e.clientId(), 128, true),
                text("redirect_uri", e.redirectUri(), 2048, true),
                text("scope", e.scope(), 2048, true),
                text("subject", e.subject(), 255, true),
                text("code_challenge", e.codeChallenge(), 128, false),
                text("code_challenge_method", e.codeChallengeMethod(), 16, false),
                text("nonce", e.nonce(), 512, false),
                text("acr", e.acr(), 255, false),
                text("session_id", e.sessionId(), 128, false),
                list("amr", e.amr(), 10, 64),
                list("resources", e.resources() == null ? List.of() : e.resources(), 10, 2048),
                e.authTime() == null || e.issuedAt() == null || e.expiresAt() == null
                        ? Optional.of("auth_time, issued_at and expires_at are required") : Optional.empty(),
                claimsJsonChars > MAX_CLAIMS_JSON_CHARS
                        ? Optional.of("claims larger than " + MAX_CLAIMS_JSON_CHARS + " characters") : Optional.empty());
    }


    private static Optional<String> text(String field, @Nullable String value, int max, boolean required) {
        if (value == null) {
            return required ? Optional.of(field + " is required") : Optional.empty();
        }
        return value.length() > max ? Optional.of(field + " longer than " + max + " characters") : Optional.empty();
    }

    private static Optional<String> list(String field, List<String> values, int maxEntries, int maxLength) {
        if (values.size() > maxEntries || values.stream().anyMatch(v -> v == null || v.length() > maxLength)) {
            return Optional.of(field + " has more than " + maxEntries + " entries or an entry over " + maxLength);
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... checks) {
        for (Optional<String> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }
}
