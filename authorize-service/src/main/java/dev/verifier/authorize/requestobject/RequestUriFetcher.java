package dev.verifier.authorize.requestobject;

import java.net.URI;
import java.util.Map;

import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.web.OutboundUrlGuard;
import dev.verifier.shared.web.PinnedHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a request object from its {@code request_uri} with {@link PinnedHttp}: the {@link OutboundUrlGuard} resolves
 * the host once and the connection goes to exactly that address (TLS verifies the host name), with a connect
 * time-out, a time-out for the whole answer, no redirects (a 3xx is a failure) and a size limit. Every failure is the
 * same {@code invalid_request_uri} "could not be used"; the reason (refusal, upstream status, network error) goes only
 * to the log and the metric {@code verifier_fetch_failures_total{target="request_uri",reason}}. The fragment is never
 * sent.
 */
@Singleton
public class RequestUriFetcher {

    static final String UNUSABLE = "the request_uri could not be used";
    private static final Logger LOG = LoggerFactory.getLogger(RequestUriFetcher.class);

    private final PinnedHttp http;
    private final MeterRegistry meters;

    RequestUriFetcher(OutboundUrlGuard guard, RequestObjectConfiguration config, MeterRegistry meters) {
        this.http = new PinnedHttp(guard, config.fetchConnectTimeout(), config.fetchTimeout(), config.fetchMaxBytes());
        this.meters = meters;
    }

    public String fetch(String requestUri) {
        int fragment = requestUri.indexOf('#');
        URI uri;
        try {
            uri = new URI(fragment < 0 ? requestUri : requestUri.substring(0, fragment));
        } catch (java.net.URISyntaxException e) {
            throw OAuthError.INVALID_REQUEST_URI.exception("request_uri is not a valid URI");
        }
        PinnedHttp.Response response;
        try {
            response = http.get(uri, Map.of("Accept", "application/oauth-authz-req+jwt, application/jwt"));
        } catch (OutboundUrlGuard.Refused e) {
            throw failure(uri, "refused", e.getMessage());
        } catch (PinnedHttp.FetchFailed e) {
            throw failure(uri, "failed", e.getMessage());
        }
        if (response.status() != 200) {
            throw failure(uri, "status", "HTTP " + response.status());
        }
        return response.text();
    }

    private OAuthException failure(URI uri, String reason, String detail) {
        LOG.info("request_uri {} not used ({}): {}", uri, reason, detail);
        Counter.builder("verifier.fetch.failures").description("outbound fetches of client URLs that failed or were refused")
                .tag("target", "request_uri").tag("reason", reason).register(meters).increment();
        return OAuthError.INVALID_REQUEST_URI.exception(UNUSABLE);
    }
}
