package dev.verifier.registry.jwks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.verifier.shared.web.OutboundUrlGuard;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Fetches a client's {@code jwks_uri}: through the {@link OutboundUrlGuard}, with a connect time-out, a time-out on the whole
 * response, a body size limit, and no redirects (a 3xx is a failure). Answers the body and its
 * {@code Cache-Control: max-age}.
 */
@Singleton
public class JwksFetcher {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?");

    private final OutboundUrlGuard guard;
    private final JwksCacheConfiguration config;
    private final HttpClient http;

    public JwksFetcher(OutboundUrlGuard guard, JwksCacheConfiguration config) {
        this.guard = guard;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The fetched document and its max-age (null when the origin sent none). */
    public record Fetched(String body, @Nullable Duration maxAge) {
    }

    public Fetched fetch(URI uri) {
        guard.refusal(uri).ifPresent(refusal -> {
            throw new FetchException(refusal);
        });
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.readTimeout())
                .header("Accept", "application/jwk-set+json, application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> call =
                http.sendAsync(request, info -> new LimitedBodySubscriber(config.maxBytes()));
        HttpResponse<byte[]> response;
        try {
            response = call.get(config.connectTimeout().plus(config.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new FetchException("the JWKS origin did not answer in time");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FetchException fetch) {
                throw fetch;
            }
            throw e.getCause() instanceof java.net.http.HttpTimeoutException
                    ? new FetchException("the JWKS origin did not answer in time")
                    : new FetchException("the JWKS origin could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new FetchException("the JWKS origin answered a redirect, which is not followed");
        }
        if (status != 200) {
            throw new FetchException("the JWKS origin answered HTTP " + status);
        }
        return new Fetched(new String(response.body(), StandardCharsets.UTF_8),
                maxAge(response.headers().firstValue("Cache-Control").orElse(null)));
    }

    static Duration maxAge(@Nullable String cacheControl) {
        if (cacheControl == null) {
            return null;
        }
        String lower = cacheControl.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no-store") || lower.contains("no-cache")) {
            return Duration.ZERO;
        }
        Matcher m = MAX_AGE.matcher(lower);
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
    }
}
