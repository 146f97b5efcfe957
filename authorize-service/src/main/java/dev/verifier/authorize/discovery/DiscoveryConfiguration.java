package dev.verifier.authorize.discovery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.discovery.*}: whether the discovery document advertises the registry's {@code /clients} as
 * {@code registration_endpoint}. Off by default: registration needs a {@code registry.admin} token, so a relying
 * party reading the document could not use it; turn it on where the registry is reachable by the document's readers
 * (an admin console, say).
 */
@ConfigurationProperties(DiscoveryConfiguration.PREFIX)
public record DiscoveryConfiguration(@Bindable(defaultValue = "false") boolean advertiseRegistrationEndpoint) {

    public static final String PREFIX = "verifier.discovery";
}
