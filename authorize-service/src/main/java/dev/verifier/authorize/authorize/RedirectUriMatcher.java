package dev.verifier.authorize.authorize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

import dev.verifier.shared.client.ApplicationType;
import dev.verifier.shared.client.RegisteredClient;

/**
 * Byte-for-byte comparison with a registered redirect URI, except that a {@code native} client's loopback redirect
 * ({@code http://127.0.0.1} / {@code [::1]}) may use any port (RFC 8252 §7.3).
 */
final class RedirectUriMatcher {

    private RedirectUriMatcher() {
    }

    static boolean matches(RegisteredClient client, String requested) {
        List<String> registered = registered(client);
        if (registered.contains(requested)) {
            return true;
        }
        boolean isNative = ApplicationType.from(client.metadata().applicationType()).orElse(ApplicationType.WEB)
                == ApplicationType.NATIVE;
        return isNative && registered.stream().anyMatch(r -> loopbackIgnoringPort(r, requested));
    }

    static List<String> registered(RegisteredClient client) {
        List<String> uris = client.metadata().redirectUris();
        return uris == null ? List.of() : uris;
    }

    private static boolean loopbackIgnoringPort(String registered, String requested) {
        try {
            URI a = new URI(registered);
            URI b = new URI(requested);
            return "http".equals(a.getScheme()) && "http".equals(b.getScheme()) && isLoopback(a.getHost())
                    && Objects.equals(a.getHost(), b.getHost())
                    && Objects.equals(a.getRawPath(), b.getRawPath())
                    && Objects.equals(a.getRawQuery(), b.getRawQuery())
                    && b.getRawFragment() == null && b.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "[::1]".equals(host);
    }
}
