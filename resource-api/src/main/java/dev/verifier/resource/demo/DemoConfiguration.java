package dev.verifier.resource.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.demo.*}: the public client the demo SPA at {@code /demo/} signs in with (seeded and passed in by
 * infra/run-local.sh as {@code VERIFIER_DEMO_CLIENT_ID}) and the scopes it asks for.
 */
@ConfigurationProperties(DemoConfiguration.PREFIX)
public record DemoConfiguration(
        @Nullable String clientId,
        @Bindable(defaultValue = "openid profile email offline_access notes.read") String scope) {

    public static final String PREFIX = "verifier.demo";
}
