package dev.verifier.infra.kafka;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a local broker until the JVM is told to stop.
 * <ul>
 *   <li>{@code KafkaBrokerMain [port] [data-folder]}: a single node, defaults 9092 and {@code ./data/kafka};</li>
 *   <li>{@code KafkaBrokerMain --cluster node-id broker-ports controller-ports data-folder}: node {@code node-id}
 *       (1-based) of a cluster whose nodes listen on the comma-separated {@code broker-ports} and
 *       {@code controller-ports}, replication factor the number of nodes, {@code min.insync.replicas} 2.</li>
 * </ul>
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        KafkaBroker broker;
        Path dataDir;
        if (args.length > 0 && args[0].equals("--cluster")) {
            int nodeId = Integer.parseInt(args[1]);
            dataDir = Path.of(args[4]);
            ClusterNode node = ClusterNode.cluster(ports(args[2]), ports(args[3])).get(nodeId - 1);
            broker = KafkaBroker.start("127.0.0.1", node, dataDir);
        } else {
            int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
            dataDir = Path.of(args.length > 1 ? args[1] : "data/kafka");
            broker = KafkaBroker.start("127.0.0.1", port, dataDir);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        KafkaBroker started = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            exitAnywayAfter(STOP_DEADLINE_MS);
            started.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers() + " (data " + dataDir.toAbsolutePath() + ")");
        stopped.await();
    }

    /**
     * A node's controlled shutdown waits for the controller quorum; when the whole cluster is stopped at once there is
     * none left, so the process ends at this deadline whatever it is still waiting for (what it acknowledged is in the
     * OS's page cache, written to its log files, so ending the process loses none of it).
     */
    private static final long STOP_DEADLINE_MS = 5_000;

    private static void exitAnywayAfter(long millis) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("Kafka broker still stopping after " + millis + " ms: exiting now");
            Runtime.getRuntime().halt(0);
        }, "kafka-broker-stop-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static List<Integer> ports(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
