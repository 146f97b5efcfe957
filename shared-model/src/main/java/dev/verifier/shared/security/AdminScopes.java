package dev.verifier.shared.security;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.verifier.shared.config.VerifierUrls;
import io.micronaut.core.annotation.Nullable;

/**
 * The internal (admin) scopes and their audiences — the one place of the rule "admin and internal callers are apart
 * from users". The internal scopes are granted only through {@code client_credentials} to clients registered
 * {@code "verifier_admin": true}; a token holding one carries the owning service's <em>admin audience</em>, its base
 * URL followed by {@value #ADMIN_PATH} (never the issuer, which user tokens carry), and is honoured only when it was
 * issued to a client for itself ({@code sub} = {@code client_id}), never to a user.
 */
public final class AdminScopes {

    public static final String REGISTRY_ADMIN = "registry.admin";
    public static final String REGISTRY_READ = "registry.read";
    public static final String USERS_ADMIN = "users.admin";
    public static final String KEYS_ADMIN = "keys.admin";
    public static final String JTI_RECORD = "jti.record";
    /** Every internal scope, in the order the documentation lists them. */
    public static final List<String> ALL = List.of(REGISTRY_ADMIN, REGISTRY_READ, USERS_ADMIN, KEYS_ADMIN, JTI_RECORD);
    public static final String ADMIN_PATH = "/admin";

    private AdminScopes() {
    }

    public static boolean isInternal(String scope) {
        return ALL.contains(scope);
    }

    /** The internal scopes among {@code scopes}. */
    public static List<String> internal(Collection<String> scopes) {
        return scopes.stream().filter(AdminScopes::isInternal).toList();
    }

    /** A service's admin audience: its base URL (without trailing slash) followed by {@value #ADMIN_PATH}. */
    public static String adminAudience(String serviceBaseUrl) {
        String base = serviceBaseUrl.endsWith("/")
                ? serviceBaseUrl.substring(0, serviceBaseUrl.length() - 1) : serviceBaseUrl;
        return base + ADMIN_PATH;
    }

    /** The admin audiences of the internal scopes among {@code scopes} (one per service they belong to). */
    public static Set<String> audiences(VerifierUrls urls, Collection<String> scopes) {
        Set<String> audiences = new LinkedHashSet<>();
        for (String scope : internal(scopes)) {
            audiences.add(adminAudience(VerifierUrls.strip(service(urls, scope))));
        }
        return audiences;
    }

    private static URI service(VerifierUrls urls, String scope) {
        return switch (scope) {
            case REGISTRY_ADMIN, REGISTRY_READ -> urls.registry();
            case USERS_ADMIN -> urls.issuer();
            default -> urls.tokenService(); // keys.admin, jti.record
        };
    }

    /**
     * The scopes a token lets its holder use at a service whose admin audiences are {@code adminAudiences}: every
     * scope of the token, but the internal ones only when the token carries one of those audiences and was issued to
     * a client for itself ({@link #isServiceCaller}). So a user token never reaches an admin API, whatever its scope,
     * and neither does a service token for another service.
     */
    public static List<String> honoured(Collection<String> scopes, Collection<String> tokenAudiences,
                                        @Nullable String subject, @Nullable Object clientId,
                                        Collection<String> adminAudiences) {
        boolean admin = tokenAudiences.stream().anyMatch(adminAudiences::contains) && isServiceCaller(subject, clientId);
        return scopes.stream().filter(scope -> admin || !isInternal(scope)).toList();
    }

    /** A token issued to a client for itself (client_credentials), not to a user: {@code sub} = {@code client_id}. */
    public static boolean isServiceCaller(@Nullable String subject, @Nullable Object clientId) {
        return subject != null && clientId != null && Objects.equals(subject, clientId.toString());
    }
}
