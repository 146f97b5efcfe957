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
 * A Kafka broker in KRaft mode (broker and controller in one process), built from the Maven Central jars only: a
 * single node, or one node of a cluster ({@link ClusterNode}). Used by the local stack ({@link KafkaBrokerMain}) and by
 * the tests.
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
        ClusterNode single = new ClusterNode(1, java.util.List.of(port), java.util.List.of(controllerPort), 1, 1,
                Uuid.randomUuid().toString()); // Kafka's own random id never starts with '-' (read as an option)
        return start(host, single, dataDir, security);
    }

    /**
     * Starts one node of a cluster. Its {@code startup} waits for a quorum of controllers: start the nodes of a
     * cluster concurrently (their own processes or threads), not one after the other in one thread.
     */
    public static KafkaBroker start(String host, ClusterNode node, Path dataDir) throws IOException {
        return start(host, node, dataDir, null);
    }

    private static KafkaBroker start(String host, ClusterNode node, Path dataDir, KafkaSecurity security)
            throws IOException {
        Files.createDirectories(dataDir);
        int port = node.port();
        Properties props = serverProperties(host, node, dataDir);
        if (security != null) {
            security.apply(props, host, port);
        }
        formatIfNeeded(props, dataDir, node.clusterId(),
                security == null ? java.util.List.of() : security.formatArguments());
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

    private static Properties serverProperties(String host, ClusterNode node, Path dataDir) {
        int port = node.port();
        int controllerPort = node.controllerPort();
        String replicas = Integer.toString(node.replicationFactor());
        String minIsr = Integer.toString(node.minInsyncReplicas());
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(node.nodeId()));
        p.put("controller.quorum.voters", node.quorumVoters(host));
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("group.initial.rebalance.delay.ms", "0");
        // a node that dies is noticed (and its partitions get new leaders) within seconds, not Kafka's default 9 s
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("auto.create.topics.enable", "false");
        // The log is synced to disk (fsync) every half second, not per message (Kafka's default leaves it to the OS).
        // An acknowledged record is in the OS's page cache, so a broker process that dies or is killed loses none; an
        // OS crash or power loss can lose the last half second, as it can the services' H2 files (H2's write delay,
        // 500 ms). Where a record must outlive a machine, several brokers replicate it (min.insync.replicas). The
        // flush per message cost a disk sync in every produce round trip: code-issued's lag p50 28 -> 8-11 ms and p99
        // 89.5 -> 45-56 ms under 8 sign-ins at once, 0.6-0.8 broker CPU-ms per sign-in (docs/performance.md).
        p.put("log.flush.interval.ms", "500");
        p.put("log.flush.scheduler.interval.ms", "500");
        // the log cleaner (compacted topics: consumer offsets) keeps an offset map of this size on the heap: Kafka's
        // default, 128 MiB, was most of the broker's heap for topics that hold a few thousand records here
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        return p;
    }

    /** Formats the log folder once; a folder that already holds meta.properties keeps its data. */
    private static void formatIfNeeded(Properties props, Path dataDir, String clusterId, java.util.List<String> extra)
            throws IOException {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        Path config = Files.createTempFile("kafka-server", ".properties");
        try {
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "verifier local broker");
            }
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
