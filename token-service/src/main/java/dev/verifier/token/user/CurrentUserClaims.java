package dev.verifier.token.user;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.shared.web.ServiceCalls;
import dev.verifier.token.client.RegistryAccessToken;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * The claims a user has now, released by a grant's scope, from authorize-service's
 * {@code GET /internal/users/{subject}/claims} (with token-service's own {@code users.admin} token), so that an ID
 * token issued at refresh carries the user's current claims rather than those of the first login. One call per
 * refresh that issues an ID token, unless the same subject's claims for the same scope were read less than
 * {@code verifier.users-client.claims-cache-ttl} ago ({@link RecentClaims}; {@link #forget} drops them when the user's
 * sessions end). An unknown or disabled user (404 "no such user") is {@code invalid_grant};
 * authorize-service unreachable, failing, or without this API (an older copy during an upgrade: a 404 of another
 * kind) is {@code temporarily_unavailable} (the refresh token is not used up).
 */
@Singleton
public class CurrentUserClaims {

    @Serdeable
    record Answer(String sub, Map<String, Object> claims) {
    }

    /** The description of authorize-service's 404 for a user it does not know (or has disabled). */
    static final String NO_SUCH_USER = "no such user";

    private final String base;
    private final RegistryAccessToken tokens;
    private final JsonMapper json;
    private final UsersClientConfiguration config;
    private final HttpClient http;
    private final Clock clock;
    private final RecentClaims recent;

    CurrentUserClaims(UsersClientConfiguration config, VerifierUrls urls, RegistryAccessToken tokens,
                      JsonMapper json, Clock clock) {
        this.clock = clock;
        this.recent = new RecentClaims(config.claimsCacheTtl(), config.claimsCacheSize());
        this.base = VerifierUrls.strip(config.url() != null ? config.url() : urls.issuer());
        this.tokens = tokens;
        this.json = json;
        this.config = config;
        this.http = ServiceCalls.client(config.timeout());
    }

    /** The claims of {@code subject} that {@code scope} releases (without {@code sub}). */
    public Map<String, Object> released(String subject, String scope) {
        var known = recent.get(subject, scope, clock.instant());
        if (known.isPresent()) {
            return known.get();
        }
        Map<String, Object> claims = read(subject, scope);
        recent.put(subject, scope, claims, clock.instant());
        return claims;
    }

    /** Forgets what was read of {@code subject}: the user's sessions ended (logout, disabled, deleted, password). */
    public void forget(String subject) {
        recent.forget(subject);
    }

    private Map<String, Object> read(String subject, String scope) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/internal/users/" + encode(subject)
                        + "/claims?scope=" + encode(scope)))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + tokens.forScope(AdminScopes.USERS_ADMIN))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = ServiceCalls.send(http, request, "authorize-service");
        if (response.statusCode() == 404 && response.body() != null && response.body().contains(NO_SUCH_USER)) {
            throw OAuthError.INVALID_GRANT.exception("the user of this grant no longer exists or is disabled");
        }
        if (response.statusCode() != 200) {
            throw OAuthError.TEMPORARILY_UNAVAILABLE.exception(
                    "authorize-service answered " + response.statusCode() + " for the user's claims");
        }
        try {
            Answer answer = json.readValue(response.body(), Answer.class);
            if (answer == null || !subject.equals(answer.sub())) {
                throw OAuthError.TEMPORARILY_UNAVAILABLE.exception("authorize-service answered another user");
            }
            return answer.claims() == null ? Map.of() : answer.claims();
        } catch (IOException e) {
            throw OAuthError.TEMPORARILY_UNAVAILABLE.exception("authorize-service answered unreadable claims");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
