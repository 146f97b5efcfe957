package dev.verifier.registry.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import dev.verifier.shared.config.ProfileConfiguration;
import jakarta.inject.Singleton;

/**
 * URI checks shared by the metadata rules. Each answers the reason a URI is refused, or empty when it is fine.
 * {@code http} is accepted only on loopback and only in the local profile (RFC 8252 native clients aside, see
 * {@code client.RedirectUriRules}).
 */
@Singleton
public class UriRules {

    private final boolean local;
    private final int maxLength;

    public UriRules(ProfileConfiguration profile, RegistrationConfiguration config) {
        this.local = profile.local();
        this.maxLength = config.maxUriLength();
    }

    /** An absolute {@code https} URL (or {@code http} on loopback in the local profile), optionally without fragment. */
    public Optional<String> webUrlProblem(String value, boolean fragmentAllowed) {
        Optional<String> basic = absoluteProblem(value, fragmentAllowed);
        if (basic.isPresent()) {
            return basic;
        }
        URI uri = URI.create(value);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https") || (scheme.equals("http") && local && isLoopback(uri));
        if (!allowed) {
            return Optional.of(local ? "must use https (http only on loopback)" : "must use https");
        }
        return uri.getHost() == null ? Optional.of("must have a host") : Optional.empty();
    }

    /** Parses as an absolute URI within the length bound, without wildcards, with or without a fragment. */
    public Optional<String> absoluteProblem(String value, boolean fragmentAllowed) {
        if (value == null || value.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (value.length() > maxLength) {
            return Optional.of("is longer than " + maxLength + " characters");
        }
        if (value.contains("*")) {
            return Optional.of("must not contain wildcards");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URI");
        }
        if (!uri.isAbsolute()) {
            return Optional.of("must be an absolute URI");
        }
        if (!fragmentAllowed && uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        return Optional.empty();
    }

    public static boolean isLoopback(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
