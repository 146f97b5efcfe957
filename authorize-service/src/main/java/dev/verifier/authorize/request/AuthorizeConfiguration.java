package dev.verifier.authorize.request;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.authorize.*}: whether confidential clients must use PKCE (default yes, OAuth 2.1), the
 * authorization code lifetime (60 s), how long a login/consent page stays usable, and how long a code waits for
 * Kafka to confirm its {@code CodeIssued} event before the user is asked to try again.
 */
@ConfigurationProperties(AuthorizeConfiguration.PREFIX)
public record AuthorizeConfiguration(
        @Bindable(defaultValue = "true") boolean requirePkceForConfidentialClients,
        @Bindable(defaultValue = "60s") Duration codeLifetime,
        @Bindable(defaultValue = "10m") Duration interactionLifetime,
        @Bindable(defaultValue = "5s") Duration eventConfirmTimeout) {

    public static final String PREFIX = "verifier.authorize";
}
