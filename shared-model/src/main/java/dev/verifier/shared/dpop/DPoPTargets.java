package dev.verifier.shared.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;

/**
 * RFC 9449 §4.3 item 9: a proof's {@code htu} names the endpoint when it equals the endpoint's URL after both drop
 * their query and fragment, compared per RFC 3986 §6.2.2–6.2.3 (scheme and host case-insensitive, the default port
 * and an empty path normalised). The endpoint's URL is the public one this service is configured with
 * ({@code verifier.urls.*}), never the Host header of the request, so it holds behind a proxy.
 */
final class DPoPTargets {

    private DPoPTargets() {
    }

    static boolean matches(@Nullable String htu, URI endpoint) {
        if (htu == null) {
            return false;
        }
        try {
            URI proof = new URI(htu);
            return proof.isAbsolute() && proof.getRawAuthority() != null
                    && normalised(proof).equals(normalised(endpoint));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String normalised(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (port == -1 ? "" : ":" + port) + path;
    }
}
