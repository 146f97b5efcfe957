package dev.verifier.stack.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.verifier.stack.support.VerifierStack;
import org.junit.jupiter.api.Test;

/**
 * Each service's H2 file URL (its application.yml, what infra/run-local.sh runs) leaves closing the database to the
 * service's shutdown: with H2's own JVM shutdown hook (DB_CLOSE_ON_EXIT, on by default) the database closed while the
 * Kafka consumers and the outbox relay were still finishing ("Database is already closed" in the log of a stopping
 * token-service). The end-to-end stack runs with the same settings.
 */
class H2UrlTest {

    private static final Pattern H2_URL = Pattern.compile("url: jdbc:h2:file:\\./data/([a-z-]+)/db(;\\S+)");
    private final Path root = Path.of(System.getProperty("verifier.root", "../..")).toAbsolutePath().normalize();

    @Test
    void everyServiceClosesItsH2DatabaseItselfWithTheSettingsTheEndToEndStackUses() throws Exception {
        for (String module : List.of("authorize-service", "client-registry", "resource-api", "token-service")) {
            String yml = Files.readString(root.resolve(module).resolve("src/main/resources/application.yml"));
            Matcher url = H2_URL.matcher(yml);
            assertTrue(url.find(), module + " has an H2 file URL under ./data/");
            assertEquals(module, url.group(1));
            assertTrue(url.group(2).contains(";DB_CLOSE_ON_EXIT=FALSE"), module + ": " + url.group(2));
            assertEquals(VerifierStack.H2_SETTINGS, url.group(2), module + "'s settings and the end-to-end stack's");
        }
    }
}
