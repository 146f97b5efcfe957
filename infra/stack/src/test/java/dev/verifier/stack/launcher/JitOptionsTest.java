package dev.verifier.stack.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launchers' JIT choice ({@code jit_options} in {@code infra/launcher-jvm.sh}), as the JVM reads it: C1 alone for
 * every JVM; the services that carry sign-ins (and their copies) and the broker compile at a tenth of the usual
 * invocation counts, the two others at the usual counts. A flag this JDK does not accept would stop the stack at
 * start: here the JVM itself prints the values it took.
 */
class JitOptionsTest {

    private static final Pattern FLAG = Pattern.compile("(\\w+)\\s+=\\s+(\\S+)");

    private final Path root = Path.of(System.getProperty("verifier.root", "../..")).toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource({
        "authorize-service, 0.100000",
        "authorize-service-2, 0.100000",
        "token-service, 0.100000",
        "token-service-1, 0.100000",
        "kafka-broker, 0.100000",
        "client-registry, 1.000000",
        "resource-api, 1.000000"})
    void eachJvmRunsC1AloneAtItsCompileThreshold(String name, String scaling) throws Exception {
        String flags = run("source infra/launcher-jvm.sh; java $(jit_options \"$1\") -XX:+PrintFlagsFinal -version",
                name);
        assertEquals("1", flag(flags, "TieredStopAtLevel"), name);
        assertEquals(scaling, flag(flags, "CompileThresholdScaling"), name);
    }

    @ParameterizedTest
    @CsvSource({"authorize-service", "kafka-broker", "resource-api"})
    void operatorsOptionsReplaceTheLaunchersChoice(String name) throws Exception {
        String options = run("VERIFIER_JVM_OPTS=-Xmx1g; source infra/launcher-jvm.sh; echo \"[$(jit_options \"$1\")]\"",
                name);
        assertEquals("[]", options.strip(), name);
    }

    private static String flag(String flags, String name) {
        for (String line : flags.lines().toList()) {
            Matcher matcher = FLAG.matcher(line);
            if (matcher.find() && matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError(name + " not printed");
    }

    private String run(String script, String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("bash", "-c", script, "jit", name))
                .directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
