package dev.verifier.authorize.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.web.ServiceCalls;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Access tokens of authorize-service's own service client for authorize-service's calls to the other services, one per scope
 * ({@code registry.read} for the registry, {@code jti.record} for token-service's jti store), from token-service's
 * client_credentials grant (client_secret_basic), each kept until shortly before it expires. Fetched lazily, on the
 * first call that needs it.
 */
@Singleton
public class AdminClientTokens {

    private static final long EARLY_REFRESH_SECONDS = 30;

    private record Token(String value, Instant refreshAfter) {
    }

    private final RegistryConfiguration config;
    private final URI tokenEndpoint;
    private final JsonMapper json;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    AdminClientTokens(RegistryConfiguration config, VerifierUrls urls, JsonMapper json, Clock clock) {
        this.config = config;
        this.tokenEndpoint = urls.tokenEndpoint();
        this.json = json;
        this.clock = clock;
        this.http = ServiceCalls.client(config.timeout());
    }

    /**
     * A token with {@code scope}, fetched when there is none or it is about to expire; one fetch at a time per scope,
     * so a slow fetch of one scope does not hold up the others.
     */
    public String get(String scope) {
        Token current = tokens.get(scope);
        if (current != null && !clock.instant().isAfter(current.refreshAfter())) {
            return current.value();
        }
        synchronized (locks.computeIfAbsent(scope, s -> new Object())) {
            current = tokens.get(scope);
            if (current == null || clock.instant().isAfter(current.refreshAfter())) {
                current = fetch(scope);
                tokens.put(scope, current);
            }
            return current.value();
        }
    }

    /** Forgets the token of {@code scope}: the next {@link #get} fetches a new one. */
    public void invalidate(String scope) {
        tokens.remove(scope);
    }

    private Token fetch(String scope) {
        if (isBlank(config.clientId()) || isBlank(config.clientSecret())) {
            throw unavailable("no service client is configured (VERIFIER_AUTHORIZE_CLIENT_ID / VERIFIER_AUTHORIZE_CLIENT_SECRET)");
        }
        String basic = Base64.getEncoder().encodeToString(
                (form(config.clientId()) + ":" + form(config.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(config.timeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + form(scope)))
                .build();
        HttpResponse<String> response = ServiceCalls.send(http, request, "token-service");
        if (response.statusCode() != 200) {
            throw unavailable("token-service refused a " + scope + " token: " + response.statusCode());
        }
        try {
            Map<?, ?> body = json.readValue(response.body(), Map.class);
            long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue() : 60;
            return new Token(String.valueOf(body.get("access_token")),
                    clock.instant().plusSeconds(Math.max(0, expiresIn - EARLY_REFRESH_SECONDS)));
        } catch (IOException e) {
            throw unavailable("token-service answered an unreadable token response");
        }
    }

    /** RFC 6749 §2.3.1: the id and secret are form-encoded before the Basic encoding. */
    private static String form(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static OAuthException unavailable(String description) {
        return OAuthError.TEMPORARILY_UNAVAILABLE.exception(description);
    }
}
