package dev.verifier.authorize.userinfo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import dev.verifier.authorize.client.RegistryConfiguration;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.web.ServiceCalls;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Whether an access token presented at {@code /userinfo} is still active at token-service, which keeps revocations
 * (revoked access-token ids, revoked grant families): RFC 7662 introspection as authorize-service's own service client
 * (client_secret_basic; the registry registers it with {@code introspection_audiences} = the issuer). Answers are
 * cached by {@code jti} ({@link TokenStatusCache}, {@code verifier.userinfo.revocation-cache-ttl}). Fails closed: when
 * token-service cannot be asked, the request is refused ({@code temporarily_unavailable}), never answered.
 */
@Singleton
class AccessTokenStatus {

    private final URI endpoint;
    private final RegistryConfiguration client;
    private final JsonMapper json;
    private final HttpClient http;
    private final TokenStatusCache cache;

    AccessTokenStatus(VerifierUrls urls, RegistryConfiguration client, JsonMapper json, UserInfoConfiguration config,
                      Clock clock) {
        this.endpoint = urls.introspectionEndpoint();
        this.client = client;
        this.json = json;
        this.http = ServiceCalls.client(client.timeout());
        this.cache = new TokenStatusCache(this::introspect, config.revocationCacheTtl(), clock::instant);
    }

    boolean active(String jti, String token, Instant expiresAt) {
        return cache.active(jti, token, expiresAt);
    }

    private boolean introspect(String token) {
        if (client.clientId() == null || client.clientId().isBlank() || client.clientSecret() == null) {
            throw unavailable("no service client is configured to check access tokens at token-service");
        }
        String basic = Base64.getEncoder().encodeToString((form(client.clientId()) + ":"
                + form(client.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(client.timeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + form(token) + "&token_type_hint=access_token"))
                .build();
        HttpResponse<String> response = ServiceCalls.send(http, request, "token-service");
        if (response.statusCode() != 200) {
            throw unavailable("token-service could not check the access token: " + response.statusCode());
        }
        try {
            Map<?, ?> body = json.readValue(response.body(), Map.class);
            return body != null && Boolean.TRUE.equals(body.get("active"));
        } catch (IOException e) {
            throw unavailable("token-service answered an unreadable introspection response");
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RuntimeException unavailable(String description) {
        return OAuthError.TEMPORARILY_UNAVAILABLE.exception(description);
    }
}
