package dev.verifier.authorize.authorize;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.verifier.authorize.metrics.FrontChannelMetrics;
import dev.verifier.authorize.request.ClientRedirect;
import dev.verifier.authorize.web.RedirectQuery;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthException;
import jakarta.inject.Singleton;

/**
 * Redirects back to the client (query response mode), success or error, always with {@code state} when the request
 * had one and {@code iss} (RFC 9207), built by {@link RedirectQuery}.
 */
@Singleton
public class AuthorizationRedirects {

    private final String issuer;
    private final FrontChannelMetrics metrics;

    AuthorizationRedirects(VerifierUrls urls, FrontChannelMetrics metrics) {
        this.issuer = urls.issuerId();
        this.metrics = metrics;
    }

    public String code(ClientRedirect target, String code) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        return build(target, params);
    }

    public String error(ClientRedirect target, OAuthException error) {
        metrics.authorizationError(error.error().code());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.error().code());
        if (error.description() != null) {
            params.put("error_description", error.description());
        }
        return build(target, params);
    }

    private String build(ClientRedirect target, Map<String, String> params) {
        if (target.state() != null) {
            params.put("state", target.state());
        }
        params.put("iss", issuer);
        return RedirectQuery.append(target.redirectUri(), params);
    }
}
