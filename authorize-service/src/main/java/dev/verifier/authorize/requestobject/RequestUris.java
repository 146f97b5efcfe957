package dev.verifier.authorize.requestobject;

import java.util.List;

import dev.verifier.shared.client.RegisteredClient;

/**
 * Whether a {@code request_uri} is one the client registered: byte for byte, or, when it carries a fragment (OIDC
 * Registration: a hash of the content, changed to signal new content), byte for byte without the fragments.
 */
public final class RequestUris {

    private RequestUris() {
    }

    public static boolean registered(RegisteredClient client, String requestUri) {
        List<String> registered = client.metadata().requestUris();
        if (registered == null) {
            return false;
        }
        String base = withoutFragment(requestUri);
        return registered.stream().anyMatch(r -> r.equals(requestUri)
                || (requestUri.contains("#") && withoutFragment(r).equals(base)));
    }

    private static String withoutFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }
}
