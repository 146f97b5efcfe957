package dev.verifier.resource.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo client comes from configuration, else from the file the launcher writes once the client is seeded. */
class DemoConfigurationTest {

    private static final String SCOPE = "openid";

    @Test
    void theFileIsReadEachTimeFromNoneYetToTheSeededClient(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo-client-id");
        DemoConfiguration demo = new DemoConfiguration(null, file.toString(), SCOPE);
        assertNull(demo.currentClientId(), "no client before the launcher wrote the file");

        Files.writeString(file, "   \n");
        assertNull(demo.currentClientId(), "an empty file names no client");

        Files.writeString(file, "c-0b3f\n");
        assertEquals("c-0b3f", demo.currentClientId());

        Files.writeString(file, "c-re-registered\n");
        assertEquals("c-re-registered", demo.currentClientId(), "a client registered anew is picked up");
    }

    @Test
    void aConfiguredClientIdWinsOverTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo-client-id");
        Files.writeString(file, "from-file");

        assertEquals("configured", new DemoConfiguration("configured", file.toString(), SCOPE).currentClientId());
        assertNull(new DemoConfiguration(null, null, SCOPE).currentClientId());
    }
}
