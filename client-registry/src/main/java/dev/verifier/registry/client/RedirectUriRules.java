package dev.verifier.registry.client;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.verifier.registry.rules.UriRules;
import dev.verifier.shared.client.ApplicationType;
import jakarta.inject.Singleton;

/**
 * Redirect URIs per RFC 7591 §2, OAuth 2.1 §2.3 and RFC 8252: absolute, no fragment, no wildcard, {@code https};
 * {@code native} clients may also use {@code http} on a loopback IP literal (RFC 8252 §7.3) and private-use schemes in
 * reverse-domain form (§7.1); web clients use {@code http} on loopback only in the local profile.
 */
@Singleton
public class RedirectUriRules {

    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "about");

    private final UriRules uris;

    public RedirectUriRules(UriRules uris) {
        this.uris = uris;
    }

    /** The first problem of the list, as {@code "<uri>: <reason>"}. */
    public Optional<String> problem(List<String> redirectUris, ApplicationType type) {
        for (String value : redirectUris) {
            Optional<String> reason = reason(value, type);
            if (reason.isPresent()) {
                return Optional.of("redirect URI " + value + " " + reason.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> reason(String value, ApplicationType type) {
        Optional<String> basic = uris.absoluteProblem(value, false);
        if (basic.isPresent()) {
            return basic;
        }
        URI uri = URI.create(value);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (type == ApplicationType.NATIVE) {
            return nativeReason(uri, scheme, value);
        }
        return uris.webUrlProblem(value, false);
    }

    private Optional<String> nativeReason(URI uri, String scheme, String value) {
        if (scheme.equals("http")) {
            String host = uri.getHost();
            return host != null && (host.startsWith("127.") || host.equals("[::1]"))
                    ? Optional.empty()
                    : Optional.of("must use https, or http on a loopback IP literal (RFC 8252 §7.3)");
        }
        if (scheme.equals("https")) {
            return uris.webUrlProblem(value, false);
        }
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            return Optional.of("uses a forbidden scheme");
        }
        return scheme.contains(".")
                ? Optional.empty()
                : Optional.of("private-use scheme must be in reverse domain name form (RFC 8252 §7.1)");
    }
}
