package dev.verifier.authorize.clientauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import dev.verifier.authorize.client.AdminClientTokens;
import dev.verifier.authorize.client.RegistryConfiguration;
import dev.verifier.shared.clientauth.JtiStore;
import dev.verifier.shared.clientauth.JtiUse;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.web.ServiceCalls;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * The jti single-use store of client assertions at /par is token-service's, the one /token uses
 * ({@code POST /internal/jti}, scope {@value JtiUse#SCOPE}): RFC 9126 lets a /par assertion name the token endpoint as
 * audience, so with a store of its own an assertion used at /token could be replayed here, and the other way round.
 * Fails closed: when token-service cannot record the jti, the request is refused ({@code temporarily_unavailable}).
 */
@Singleton
class TokenServiceJtiStore implements JtiStore {

    private final URI endpoint;
    private final AdminClientTokens tokens;
    private final JsonMapper json;
    private final RegistryConfiguration config;
    private final HttpClient http;

    TokenServiceJtiStore(VerifierUrls urls, AdminClientTokens tokens, JsonMapper json, RegistryConfiguration config) {
        this.endpoint = URI.create(VerifierUrls.strip(urls.tokenService()) + JtiUse.PATH);
        this.tokens = tokens;
        this.json = json;
        this.config = config;
        this.http = ServiceCalls.client(config.timeout());
    }

    @Override
    public boolean markUsed(String clientId, String jti, Instant expiresAt) {
        byte[] body = write(new JtiUse(clientId, jti, expiresAt));
        HttpResponse<String> response = post(body);
        if (response.statusCode() == 401) { // a token token-service no longer accepts (e.g. its key retired): once more
            tokens.invalidate(JtiUse.SCOPE);
            response = post(body);
        }
        if (response.statusCode() != 200) {
            throw unavailable("token-service refused to record the assertion's jti: " + response.statusCode());
        }
        try {
            return json.readValue(response.body(), JtiUse.Result.class).firstUse();
        } catch (IOException e) {
            throw unavailable("token-service answered an unreadable jti record");
        }
    }

    private HttpResponse<String> post(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(config.timeout())
                .header("Authorization", "Bearer " + tokens.get(JtiUse.SCOPE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return ServiceCalls.send(http, request, "token-service");
    }

    private byte[] write(JtiUse use) {
        try {
            return json.writeValueAsBytes(use);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OAuthException unavailable(String description) {
        return OAuthError.TEMPORARILY_UNAVAILABLE.exception(description);
    }
}
