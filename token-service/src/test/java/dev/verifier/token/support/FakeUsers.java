package dev.verifier.token.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

/**
 * Stands in for authorize-service's {@code GET /internal/users/{subject}/claims} inside the test context (behind
 * {@code spec.name}): a subject a test did not set answers the claims {@link Codes} puts in its events, so tokens
 * refreshed in other tests carry what they carried at the code exchange. Records each call with its bearer token.
 */
@Controller(FakeUsers.PATH + "/internal/users")
@Requires(property = "spec.name")
public class FakeUsers {

    public static final String PATH = "/fake-authorize";
    static final Map<String, Object> DEFAULT_CLAIMS =
            Map.of("name", "Alice Example", "email", "alice@example.com", "email_verified", true);

    public record Call(String subject, @Nullable String scope, @Nullable String authorization) {
    }

    private final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gone = new ConcurrentHashMap<>();
    private volatile int failWith;
    public final List<Call> calls = new CopyOnWriteArrayList<>();

    public void put(String subject, Map<String, Object> current) {
        claims.put(subject, current);
    }

    /** The user is deleted or disabled: 404. */
    public void remove(String subject) {
        gone.put(subject, true);
    }

    /** Every call answers {@code status} (0: normal answers again). */
    public void failWith(int status) {
        failWith = status;
    }

    @Get("/{subject}/claims{?scope}")
    HttpResponse<Map<String, Object>> claims(@PathVariable String subject, @Nullable @QueryValue String scope,
                                             @Header("Authorization") @Nullable String authorization) {
        calls.add(new Call(subject, scope, authorization));
        if (failWith != 0) {
            return HttpResponse.status(HttpStatus.valueOf(failWith));
        }
        return gone.containsKey(subject)
                ? HttpResponse.<Map<String, Object>>notFound().body(Map.of("error", "not_found",
                        "error_description", "no such user"))
                : HttpResponse.ok(Map.of("sub", subject, "claims", claims.getOrDefault(subject, DEFAULT_CLAIMS)));
    }
}
