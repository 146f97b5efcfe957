package dev.verifier.stack.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Service;

/**
 * A relying-party program in another language run against a running stack: the interop tests' one way to start it,
 * pass it the stack's URLs and the admin client, and check its steps. Each program prints {@code ok   <step>} or
 * {@code FAIL <step>: <why>} per step and exits 1 if any failed; every named step must print {@code ok} (a step
 * skipped after an earlier failure is missing, and fails the test too).
 *
 * @param exit   the exit status (-1: killed after the time-out)
 * @param output standard output and error, interleaved
 */
record RelyingPartyRun(int exit, String output) {

    /** Runs {@code command} in {@code directory} with the stack's URLs and admin client in its environment. */
    static RelyingPartyRun against(VerifierStack stack, Path directory, List<String> command, Map<String, String> env,
                                   int timeoutSeconds) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        all.put("ISSUER", strip(stack.issuer().toString()));
        all.put("REGISTRY", strip(stack.url(Service.REGISTRY).toString()));
        all.put("RESOURCE", strip(stack.url(Service.RESOURCE).toString()));
        all.put("ADMIN_CLIENT_ID", stack.adminClientId());
        all.put("ADMIN_CLIENT_SECRET", stack.adminClientSecret());
        return run(directory, command, all, timeoutSeconds);
    }

    /** Runs {@code command} in {@code directory}; its output is kept whatever happens. */
    static RelyingPartyRun run(Path directory, List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output not read: ").append(e).append(')');
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        reader.join(10_000);
        return new RelyingPartyRun(process.isAlive() ? -1 : process.exitValue(), output.toString());
    }

    /** Every step printed {@code ok}, and the program exited 0; {@code label} names the run in a failure. */
    void assertPassed(List<String> steps, String label) {
        for (String step : steps) {
            assertTrue(output.contains("ok   " + step + "\n"), label + ", step \"" + step + "\":\n" + output);
        }
        assertEquals(0, exit, label + ":\n" + output);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
