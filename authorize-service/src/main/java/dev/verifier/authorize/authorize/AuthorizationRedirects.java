package dev.verifier.authorize.authorize;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.verifier.authorize.metrics.FrontChannelMetrics;
import dev.verifier.authorize.request.ClientRedirect;
import dev.verifier.authorize.request.ResponseMode;
import dev.verifier.authorize.request.Step;
import dev.verifier.authorize.web.RedirectQuery;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthException;
import jakarta.inject.Singleton;

/**
 * The authorization response to the client, success or error, always with {@code state} when the request had one
 * and {@code iss} (RFC 9207), in the request's response mode: a redirect built by {@link RedirectQuery}
 * ({@code query}) or a form the browser posts ({@code form_post}, rendered by {@code Pages}). Every answer to a
 * redirect URI goes through here.
 */
@Singleton
public class AuthorizationRedirects {

    private final String issuer;
    private final FrontChannelMetrics metrics;

    AuthorizationRedirects(VerifierUrls urls, FrontChannelMetrics metrics) {
        this.issuer = urls.issuerId();
        this.metrics = metrics;
    }

    public Step code(ClientRedirect target, String code) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        return build(target, params);
    }

    public Step error(ClientRedirect target, OAuthException error) {
        metrics.authorizationError(error.error().code());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.error().code());
        if (error.description() != null) {
            params.put("error_description", error.description());
        }
        return build(target, params);
    }

    private Step build(ClientRedirect target, Map<String, String> params) {
        if (target.state() != null) {
            params.put("state", target.state());
        }
        params.put("iss", issuer);
        if (target.responseMode() == ResponseMode.FORM_POST) {
            return new Step.FormPost(target.redirectUri(), params);
        }
        return new Step.Redirect(RedirectQuery.append(target.redirectUri(), params));
    }
}
