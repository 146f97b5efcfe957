package dev.verifier.authorize.requestobject;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.web.OutboundUrlGuard;
import jakarta.inject.Singleton;

/**
 * Fetches a request object from its {@code request_uri}: the {@link OutboundUrlGuard} first, then a GET with a connect
 * time-out, a time-out for the whole answer, no redirects (a 3xx is a failure) and a size limit (the body is dropped
 * as soon as it passes it). Every failure is {@code invalid_request_uri}; the fragment is never sent.
 */
@Singleton
public class RequestUriFetcher {

    private final OutboundUrlGuard guard;
    private final RequestObjectConfiguration config;
    private final HttpClient http;

    RequestUriFetcher(OutboundUrlGuard guard, RequestObjectConfiguration config) {
        this.guard = guard;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.fetchConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String fetch(String requestUri) {
        int fragment = requestUri.indexOf('#');
        URI uri;
        try {
            uri = new URI(fragment < 0 ? requestUri : requestUri.substring(0, fragment));
        } catch (java.net.URISyntaxException e) {
            throw failure("request_uri is not a valid URI");
        }
        String refusal = guard.refusal(uri).orElse(null);
        if (refusal != null) {
            throw failure(refusal);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.fetchTimeout())
                .header("Accept", "application/oauth-authz-req+jwt, application/jwt").GET().build();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> limited());
        try {
            HttpResponse<byte[]> response = answer.get(config.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw failure("the request_uri answered " + response.statusCode());
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw failure("the request_uri did not answer in time");
        } catch (ExecutionException e) {
            throw failure(tooLarge(e) ? "the request object is too large" : "the request_uri cannot be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while fetching the request_uri");
        }
    }

    private static boolean tooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse.BodySubscriber<byte[]> limited() {
        return new LimitedBody(config.fetchMaxBytes());
    }

    private static OAuthException failure(String description) {
        return OAuthError.INVALID_REQUEST_URI.exception(description);
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("too large", null, false, false);
        }
    }

    /** Collects at most {@code max} bytes; beyond that it cancels the download and fails. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
