package dev.verifier.authorize.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every answer: no framing (X-Frame-Options and CSP frame-ancestors), no referrer, no caching,
 * and a CSP that allows only this origin's stylesheet (the form_post page adds its one script, see {@link FormPostPage}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter {

    static final String CSP_HEADER = "Content-Security-Policy";
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    /** The policy of a page that also runs one inline script, allowed by its hash ({@code 'sha256-...'}). */
    static String withScript(String scriptHash) {
        return CSP + "; script-src '" + scriptHash + "'";
    }

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        response.header("X-Frame-Options", "DENY");
        if (!response.getHeaders().contains(CSP_HEADER)) { // a page may widen it (the form_post page's script)
            response.header(CSP_HEADER, CSP);
        }
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Content-Type-Options", "nosniff");
        if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
