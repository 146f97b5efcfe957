package dev.verifier.shared.web;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.verifier.shared.error.OAuthError;

/**
 * Calls from one Verifier service to another (the registry's internal API, token-service's token endpoint and jti
 * store): an HTTP client that follows no redirects, and a send that turns an unreachable service into
 * {@code temporarily_unavailable}, the answer the caller's own client then gets.
 */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The answer of {@code service}, whatever its status; {@code temporarily_unavailable} when it cannot be reached. */
    public static HttpResponse<String> send(HttpClient http, HttpRequest request, String service) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw OAuthError.TEMPORARILY_UNAVAILABLE.exception(service + " cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OAuthError.TEMPORARILY_UNAVAILABLE.exception("interrupted while calling " + service);
        }
    }
}
