package dev.verifier.stack.support.ha;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One node of the stack's KRaft cluster in its own JVM ({@code KafkaBrokerMain --cluster}), so it can be killed. */
public final class BrokerProcess {

    private final ProcessBuilder builder;
    private final Path log;
    private Process process;

    private BrokerProcess(ProcessBuilder builder, Path log) {
        this.builder = builder;
        this.log = log;
    }

    static BrokerProcess start(int nodeId, String brokerPorts, String controllerPorts, Path dataDir, Path logDir)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve("kafka-broker-" + nodeId + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=kafka-broker-logback.xml",
                "-cp", System.getProperty("java.class.path"),
                "dev.verifier.infra.kafka.KafkaBrokerMain", "--cluster", Integer.toString(nodeId),
                brokerPorts, controllerPorts, dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        BrokerProcess broker = new BrokerProcess(builder, log);
        broker.process = builder.start();
        return broker;
    }

    /** Waits until this start of the node printed that it is ready (once a quorum of the cluster is up). */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("broker exited; see " + log);
            }
            if (count("Kafka broker ready") >= starts) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("broker not ready after " + timeout + "; see " + log);
    }

    private int starts = 1;

    private long count(String text) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a machine lost, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the killed node again on its ports with its data, and waits until it is ready. */
    public void restart(Duration timeout) throws IOException, InterruptedException {
        starts++;
        process = builder.start();
        awaitReady(timeout);
    }

    /** SIGTERM without waiting. */
    public void terminate() {
        process.destroy();
    }

    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
