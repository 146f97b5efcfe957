package dev.verifier.authorize.requestobject;

import java.net.URI;
import java.util.Optional;

/**
 * Decides whether a client-supplied URL may be fetched (SSRF): https only and public addresses only, outside the
 * local profile. The request_uri fetcher depends on this interface only, so the guard can become the one shared with
 * client-registry's jwks_uri fetches.
 */
public interface UrlGuard {

    /** Why {@code uri} must not be fetched, or empty when it may be. */
    Optional<String> refusal(URI uri);
}
