package dev.verifier.shared.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One security event, as written on the {@code verifier.audit} logger and published on {@code verifier.audit} (key:
 * the client id). Never carries a secret, password, code or token: details whose key names such a value are replaced
 * by {@value #REDACTED} whatever the caller passed.
 *
 * @param type          {@link AuditType#value()}, e.g. {@code tokens_issued}
 * @param service       the service that saw the event ({@code micronaut.application.name})
 * @param actor         who acted: a user's subject, a client id, or {@code system}
 * @param sourceAddress the remote address of the HTTP request, if the event came from one
 * @param traceId       the trace id of the request or message (also in the service's log lines)
 * @param outcome       {@code success} or {@code failure}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AuditEvent(
        Instant time,
        String type,
        String service,
        @Nullable String actor,
        @Nullable String clientId,
        @Nullable String subject,
        @Nullable String sourceAddress,
        @Nullable String traceId,
        String outcome,
        Map<String, String> details) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String REDACTED = "[redacted]";

    private static final Pattern SENSITIVE = Pattern.compile(
            "secret|password|passwd|token|(^|_)code($|_)|assertion|credential|cookie|authorization|private|jwt|nonce");

    public AuditEvent {
        details = redact(details);
    }

    /** A copy of {@code details} (sorted, nulls dropped) with the values of sensitive-looking keys redacted. */
    static Map<String, String> redact(@Nullable Map<String, String> details) {
        Map<String, String> safe = new TreeMap<>();
        if (details != null) {
            details.forEach((key, value) -> {
                if (key != null && value != null) {
                    safe.put(key, SENSITIVE.matcher(key.toLowerCase(Locale.ROOT)).find() ? REDACTED : value);
                }
            });
        }
        return Collections.unmodifiableMap(safe);
    }
}
