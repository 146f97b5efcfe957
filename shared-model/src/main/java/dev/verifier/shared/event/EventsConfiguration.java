package dev.verifier.shared.event;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.event.*} (authorize-service and token-service only): {@code keys} is the code-issued event key ring
 * ({@code VERIFIER_EVENT_KEYS}, see {@link CodeEventSeal}); {@code accept-unauthenticated-v1}
 * ({@code VERIFIER_EVENT_ACCEPT_UNAUTHENTICATED_V1}, default false) lets token-service accept the unauthenticated
 * JSON records (schema_version 1) of the previous release during a rolling upgrade, and only then.
 */
@ConfigurationProperties(EventsConfiguration.PREFIX)
public record EventsConfiguration(
        @Nullable String keys,
        @Bindable(defaultValue = "false") boolean acceptUnauthenticatedV1) {

    public static final String PREFIX = "verifier.event";

    public CodeEventSeal seal() {
        return CodeEventSeal.fromKeyRing(keys);
    }

    /** Without the keys: Micronaut logs beans as they are created (DEBUG). */
    @Override
    public String toString() {
        return "EventsConfiguration[keys=" + (keys == null ? null : "(redacted)") + ", acceptUnauthenticatedV1="
                + acceptUnauthenticatedV1 + "]";
    }
}
