package dev.verifier.shared.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.verifier.shared.api.ApiPage;
import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.web.ServiceCalls;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

/**
 * Reads clients and APIs from client-registry's internal API ({@code GET /clients/{id}},
 * {@code GET /clients/{id}/jwks}, {@code GET /apis?identifier=}, {@code GET /apis?scope=}) with a bearer token holding
 * scope {@code registry.read}. A plain class: each service makes its own bean of it, with its
 * own way of getting the token. A registry that cannot be reached answers {@code temporarily_unavailable}.
 */
public final class RegistryClient {

    private static final int API_PAGE_SIZE = 100;
    private static final int MAX_API_PAGES = 50;

    private final String registryUrl;
    private final Supplier<String> bearerToken;
    private final JsonMapper json;
    private final Duration timeout;
    private final HttpClient http;

    public RegistryClient(URI registryUrl, Supplier<String> bearerToken, JsonMapper json, Duration timeout) {
        this.registryUrl = VerifierUrls.strip(registryUrl);
        this.bearerToken = bearerToken;
        this.json = json;
        this.timeout = timeout;
        this.http = ServiceCalls.client(timeout);
    }

    /** The client's internal view, or empty when the registry does not know it. */
    public Optional<RegisteredClient> client(String clientId) {
        return get("/clients/" + encode(clientId)).map(body -> read(body, RegisteredClient.class));
    }

    /** The API whose identifier is exactly {@code identifier}, or empty. */
    public Optional<RegisteredApi> apiByIdentifier(String identifier) {
        return api("identifier", identifier);
    }

    /** The API that owns scope {@code scope}, or empty. */
    public Optional<RegisteredApi> apiByScope(String scope) {
        return api("scope", scope);
    }

    /** Every registered API (pages of 100 read in turn; at most {@value #MAX_API_PAGES} pages). */
    public List<RegisteredApi> allApis() {
        List<RegisteredApi> all = new ArrayList<>();
        for (int page = 0; page < MAX_API_PAGES; page++) {
            ApiPage read = get("/apis?page=" + page + "&size=" + API_PAGE_SIZE)
                    .map(body -> read(body, ApiPage.class)).orElse(new ApiPage(List.of(), page, API_PAGE_SIZE, 0));
            all.addAll(read.apis());
            if (read.apis().size() < API_PAGE_SIZE || all.size() >= read.total()) {
                break;
            }
        }
        return List.copyOf(all);
    }

    private Optional<RegisteredApi> api(String filter, String value) {
        return get("/apis?" + filter + "=" + encode(value))
                .flatMap(body -> read(body, ApiPage.class).apis().stream().findFirst());
    }

    /**
     * The client's JWKS as JSON, or empty when the client has none. {@code kid} asks the registry to refetch a
     * {@code jwks_uri} whose cached set lacks that key; {@code refresh} reports a failed signature.
     */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> jwks(String clientId, @Nullable String kid, boolean refresh) {
        StringBuilder path = new StringBuilder("/clients/").append(encode(clientId)).append("/jwks");
        String sep = "?";
        if (kid != null) {
            path.append(sep).append("kid=").append(encode(kid));
            sep = "&";
        }
        if (refresh) {
            path.append(sep).append("refresh=true");
        }
        return get(path.toString()).map(body -> (Map<String, Object>) read(body, Map.class));
    }

    private Optional<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken.get())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = ServiceCalls.send(http, request, "the client registry");
        return switch (response.statusCode()) {
            case 200 -> Optional.of(response.body());
            case 404 -> Optional.empty();
            default -> throw OAuthError.TEMPORARILY_UNAVAILABLE.exception(
                    "the client registry answered " + response.statusCode());
        };
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw OAuthError.TEMPORARILY_UNAVAILABLE.exception("the client registry answered an unreadable body");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
