package dev.verifier.stack.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the stack running from its real jar in its own JVM, its output in a log file. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final URI url;
    private final Path log;
    private final ProcessBuilder builder;
    private final Process process;

    private ServiceProcess(String name, URI url, Path log, ProcessBuilder builder, Process process) {
        this.name = name;
        this.url = url;
        this.log = log;
        this.builder = builder;
        this.process = process;
    }

    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logDir)
            throws IOException {
        return start(name, name, jar, port, env, logDir);
    }

    /** As {@link #start(String, Path, int, Map, Path)}, its log named {@code logName} (one of several copies). */
    public static ServiceProcess start(String name, String logName, Path jar, int port, Map<String, String> env,
                                       Path logDir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": package the services first (mvn -B verify does)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(logName + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(name, URI.create("http://localhost:" + port), log, builder, builder.start());
    }

    /** Stops this process and starts the same service again: same jar, port, database and configuration. */
    public ServiceProcess restart() throws IOException {
        close();
        return new ServiceProcess(name, url, log, builder, builder.start());
    }

    /** The same service started again in a new process (this one must have exited): same jar, port, configuration. */
    public ServiceProcess startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return new ServiceProcess(name, url, log, builder, builder.start());
    }

    /** The operating-system process id of this copy. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Waits up to {@code timeout} for the process to exit; true when it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /health/readiness} answers 200, failing with the log's tail if the service dies. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(url.resolve("/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Asks the process to stop (SIGTERM) without waiting. */
    public void terminate() {
        process.destroy();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
