package dev.verifier.registry.jwks;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.verifier.shared.web.OutboundUrlGuard;
import dev.verifier.shared.web.PinnedHttp;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a client's {@code jwks_uri} with {@link PinnedHttp}: the {@link OutboundUrlGuard} resolves the host once and
 * the connection goes to exactly that address (TLS verifies the host name), with a connect time-out, a time-out on
 * the whole response, a body size limit, and no redirects. Answers the body and its {@code Cache-Control: max-age}.
 * Every failure is the same {@link FetchException} ("could not be used"); the reason (refusal, upstream status,
 * network error) goes only to the log and the {@code verifier.registry.jwks.fetch.failures} metric.
 */
@Singleton
public class JwksFetcher {

    static final String UNUSABLE = "the jwks_uri could not be used";
    private static final Logger LOG = LoggerFactory.getLogger(JwksFetcher.class);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?");

    private final PinnedHttp http;

    public JwksFetcher(OutboundUrlGuard guard, JwksCacheConfiguration config) {
        this.http = new PinnedHttp(guard, config.connectTimeout(), config.connectTimeout().plus(config.readTimeout()),
                config.maxBytes());
    }

    /** The fetched document and its max-age (null when the origin sent none). */
    public record Fetched(String body, @Nullable Duration maxAge) {
    }

    public Fetched fetch(URI uri) {
        PinnedHttp.Response response;
        try {
            response = http.get(uri, Map.of("Accept", "application/jwk-set+json, application/json"));
        } catch (OutboundUrlGuard.Refused | PinnedHttp.FetchFailed e) {
            LOG.info("jwks_uri {} not fetched: {}", uri, e.getMessage());
            throw new FetchException(UNUSABLE);
        }
        if (response.status() != 200) {
            LOG.info("jwks_uri {} answered HTTP {}", uri, response.status());
            throw new FetchException(UNUSABLE);
        }
        return new Fetched(response.text(), maxAge(response.headers().get("cache-control")));
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
