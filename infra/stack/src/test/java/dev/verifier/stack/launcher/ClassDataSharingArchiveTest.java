package dev.verifier.stack.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' class-data-sharing choice ({@code cds_options} in {@code infra/launcher-jvm.sh}): a complete archive
 * is mapped; one whose dump was cut short (no magic number: the JVM writes the header last) is deleted and recorded
 * anew instead of being silently ignored by every later start. A recording start gets a longer exit deadline, so that
 * the services' shutdown watchdog does not cut the dump short.
 */
class ClassDataSharingArchiveTest {

    private final Path root = Path.of(System.getProperty("verifier.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    Path data;

    @Test
    void aCompleteArchiveIsMappedAndACutShortOneIsRecordedAnew() throws Exception {
        Path jar = Files.writeString(data.resolve("service.jar"), "not really a jar");
        String first = cdsOptions(jar);
        assertTrue(first.contains("-XX:ArchiveClassesAtExit="), first);
        assertTrue(first.contains("-Dverifier.shutdown.exit-deadline=40s"), first);
        Path archive = Path.of(first.replaceAll(".*-XX:ArchiveClassesAtExit=(\\S+).*", "$1").strip());

        Files.write(archive, new byte[] {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 1, 2, 3, 4}); // f00baba8
        String complete = cdsOptions(jar);
        assertTrue(complete.contains("-XX:SharedArchiveFile=" + archive), complete);
        assertFalse(complete.contains("exit-deadline"), "a start that maps the archive keeps the usual deadline");

        Files.write(archive, new byte[64]); // the regions written, the header not yet
        String cutShort = cdsOptions(jar);
        assertTrue(cutShort.contains("-XX:ArchiveClassesAtExit=" + archive), cutShort);
        assertFalse(Files.exists(archive), "the unusable archive is deleted");
    }

    private String cdsOptions(Path jar) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c",
                "DATA=\"$1\"; source infra/launcher-jvm.sh; cds_options service \"$2\"", "cds", data.toString(),
                jar.toString()).directory(root.toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
