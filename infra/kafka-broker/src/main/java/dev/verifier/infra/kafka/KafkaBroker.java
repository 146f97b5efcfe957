package dev.verifier.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), built from the
 * Maven Central jars only. Used by the local stack ({@link KafkaBrokerMain}) and by the tests.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private final Path dataDir;
    private final KafkaRaftServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(int port, Path dataDir, KafkaRaftServer server) {
        this.port = port;
        this.dataDir = dataDir;
        this.server = server;
    }

    /** Starts a broker listening on {@code port} (plaintext, loopback) with its log in {@code dataDir}. */
    public static KafkaBroker start(String host, int port, Path dataDir) throws IOException {
        return start(host, port, dataDir, null);
    }

    /**
     * Starts a broker whose client listener on {@code port} requires SASL/SCRAM and whose authorizer requires ACLs
     * ({@code security}); null: plaintext without authorization, as {@link #start(String, int, Path)}.
     */
    public static KafkaBroker start(String host, int port, Path dataDir, KafkaSecurity security) throws IOException {
        Files.createDirectories(dataDir);
        int controllerPort = freePort();
        while (controllerPort == port) { // the caller's port, free again until the broker binds it
            controllerPort = freePort();
        }
        Properties props = serverProperties(host, port, controllerPort, dataDir);
        if (security != null) {
            security.apply(props, host, port);
        }
        formatIfNeeded(props, dataDir, security == null ? java.util.List.of() : security.formatArguments());
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new KafkaBroker(port, dataDir, server);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    /** A port that was free a moment ago on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static Properties serverProperties(String host, int port, int controllerPort, Path dataDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.flush.interval.messages", "1");
        return p;
    }

    /** Formats the log folder once; a folder that already holds meta.properties keeps its data. */
    private static void formatIfNeeded(Properties props, Path dataDir, java.util.List<String> extra)
            throws IOException {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        Path config = Files.createTempFile("kafka-server", ".properties");
        try {
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "verifier local broker");
            }
            // Kafka's own random id never starts with '-' (which the storage tool would read as an option)
            String clusterId = Uuid.randomUuid().toString();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            try (PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8)) {
                java.util.List<String> args = new java.util.ArrayList<>(
                        java.util.List.of("format", "-t", clusterId, "-c", config.toString()));
                args.addAll(extra);
                StorageTool.execute(args.toArray(String[]::new), print);
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }
}
