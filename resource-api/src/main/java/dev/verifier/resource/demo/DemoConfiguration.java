package dev.verifier.resource.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.demo.*}: the public client the demo SPA at {@code /demo/} signs in with and the scopes it asks for.
 * The client is {@code client-id} when set; otherwise the id written in the file {@code client-id-file}, read each
 * time the page asks, so that resource-api can start before the demo client is registered (infra/run-local.sh starts
 * it with the other services and writes {@code data/demo-client-id} once the client is seeded).
 */
@ConfigurationProperties(DemoConfiguration.PREFIX)
public record DemoConfiguration(
        @Nullable String clientId,
        @Nullable String clientIdFile,
        @Bindable(defaultValue = "openid profile email offline_access notes.read") String scope) {

    public static final String PREFIX = "verifier.demo";

    /** The configured client id, else the file's (trimmed) content as it is now; null while there is neither. */
    @Nullable
    String currentClientId() {
        if (clientId != null || clientIdFile == null) {
            return clientId;
        }
        try {
            String written = Files.readString(Path.of(clientIdFile)).trim();
            return written.isEmpty() ? null : written;
        } catch (IOException | RuntimeException notYet) {
            return null;
        }
    }
}
