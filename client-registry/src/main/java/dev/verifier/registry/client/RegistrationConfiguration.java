package dev.verifier.registry.client;

import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.registration.*}: what client metadata the registry accepts: the scopes the server knows and the
 * bounds on sizes and counts.
 */
@ConfigurationProperties(RegistrationConfiguration.PREFIX)
public record RegistrationConfiguration(
        @Bindable(defaultValue = "openid,profile,email,address,phone,offline_access,registry.admin,registry.read,users.admin,keys.admin,jti.record,notes.read,notes.write")
        List<String> knownScopes,
        @Bindable(defaultValue = "20") int maxRedirectUris,
        @Bindable(defaultValue = "10") int maxRequestUris,
        @Bindable(defaultValue = "10") int maxJwksKeys,
        @Bindable(defaultValue = "10") int maxContacts,
        @Bindable(defaultValue = "2048") int maxUriLength,
        @Bindable(defaultValue = "200") int maxNameLength,
        @Bindable(defaultValue = "32768") int maxJwksBytes,
        @Bindable(defaultValue = "100") int maxPageSize) {

    public static final String PREFIX = "verifier.registration";
}
