package dev.verifier.registry.api;

import static dev.verifier.shared.error.OAuthError.INVALID_REQUEST;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.verifier.registry.rules.UriRules;
import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.security.AdminScopes;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The rules of a registered API, each refusal its own {@code invalid_request} with a precise description (the
 * request's free text is never repeated in it):
 * <ul>
 * <li>{@code identifier}: required, ASCII, at most {@value #MAX_IDENTIFIER_LENGTH} characters, an absolute URI without
 * fragment or query (RFC 8707 §2), {@code https} ({@code http} on loopback in the local profile, as redirect URIs),
 * and not the issuer nor a URL or admin audience of Verifier's own services;</li>
 * <li>{@code name}: required, 1 to {@code max-name-length} characters, no control characters;</li>
 * <li>{@code scopes}: at most {@code max-scopes}, each value an RFC 6749 scope-token ({@link ScopeValues}) that is
 * neither an OpenID Connect nor an internal scope, listed once, with an optional description of 1 to
 * {@code max-description-length} characters;</li>
 * <li>{@code access_token_lifetime}: absent (token-service's default) or within the configured range;</li>
 * <li>{@code allow_user_tokens} defaults to true, {@code allow_client_credentials} to false.</li>
 * </ul>
 * That an identifier or a scope value is not already another API's is checked where the API is stored.
 */
@Singleton
public class ApiRules {

    /** The length of the {@code api.identifier} column. */
    public static final int MAX_IDENTIFIER_LENGTH = 2048;

    private final UriRules uris;
    private final ApiConfiguration config;
    private final Set<String> reserved = new HashSet<>();

    public ApiRules(UriRules uris, ApiConfiguration config, VerifierUrls urls) {
        this.uris = uris;
        this.config = config;
        for (URI service : List.of(urls.issuer(), urls.tokenService(), urls.registry())) {
            String base = VerifierUrls.strip(service);
            reserved.add(comparable(base));
            reserved.add(comparable(AdminScopes.adminAudience(base)));
        }
    }

    public ApiDefinition validate(ApiRequest request) {
        String identifier = identifier(request.identifier());
        String name = text("name", request.name(), config.maxNameLength(), true);
        List<RegisteredApi.Scope> scopes = scopes(request.scopes());
        return new ApiDefinition(identifier, name, scopes, lifetime(request.accessTokenLifetime()),
                Boolean.TRUE.equals(request.allowClientCredentials()),
                !Boolean.FALSE.equals(request.allowUserTokens()));
    }

    private String identifier(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw INVALID_REQUEST.exception("identifier is required: the absolute URI that access tokens for the API "
                    + "carry in aud");
        }
        if (value.length() > MAX_IDENTIFIER_LENGTH) {
            throw INVALID_REQUEST.exception("identifier is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw INVALID_REQUEST.exception("identifier must be printable ASCII without spaces "
                    + "(percent-encode other characters)");
        }
        uris.webUrlProblem(value, false).ifPresent(problem -> {
            throw INVALID_REQUEST.exception("identifier " + problem);
        });
        if (URI.create(value).getRawQuery() != null) {
            throw INVALID_REQUEST.exception("identifier must not contain a query (RFC 8707 §2)");
        }
        if (reserved.contains(comparable(value))) {
            throw INVALID_REQUEST.exception("identifier is the issuer or a URL of one of Verifier's own services: "
                    + "register the API under its own URI");
        }
        return value;
    }

    private List<RegisteredApi.Scope> scopes(@Nullable List<RegisteredApi.Scope> scopes) {
        if (scopes == null) {
            return List.of();
        }
        if (scopes.size() > config.maxScopes()) {
            throw INVALID_REQUEST.exception("at most " + config.maxScopes() + " scopes are allowed");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scopes.size(); i++) {
            String value = scopes.get(i).value();
            if (value == null || !ScopeValues.isScopeToken(value)) {
                throw INVALID_REQUEST.exception("scopes[" + i + "].value must be 1 to " + ScopeValues.MAX_LENGTH
                        + " characters, printable ASCII except space, \" and \\ (an RFC 6749 scope-token)");
            }
            if (ScopeValues.isOidc(value)) {
                throw INVALID_REQUEST.exception("scope " + value + " is an OpenID Connect scope: it belongs to no API");
            }
            if (AdminScopes.isInternal(value)) {
                throw INVALID_REQUEST.exception("scope " + value + " is internal to Verifier: it belongs to no API");
            }
            if (!seen.add(value)) {
                throw INVALID_REQUEST.exception("scope " + value + " is listed more than once");
            }
            text("scopes[" + i + "].description", scopes.get(i).description(), config.maxDescriptionLength(), false);
        }
        return List.copyOf(scopes);
    }

    @Nullable
    private Integer lifetime(@Nullable Long seconds) {
        if (seconds == null) {
            return null;
        }
        long min = config.minAccessTokenLifetime().toSeconds();
        long max = config.maxAccessTokenLifetime().toSeconds();
        if (seconds < min || seconds > max) {
            throw INVALID_REQUEST.exception("access_token_lifetime must be " + min + " to " + max + " seconds");
        }
        return seconds.intValue();
    }

    private static String text(String field, @Nullable String value, int max, boolean required) {
        if (value == null && !required) {
            return null;
        }
        if (value == null || value.isBlank() || value.length() > max
                || value.chars().anyMatch(Character::isISOControl)) {
            throw INVALID_REQUEST.exception(field + " must be 1 to " + max + " characters without control characters");
        }
        return value;
    }

    private static String comparable(String uri) {
        String s = uri.toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
