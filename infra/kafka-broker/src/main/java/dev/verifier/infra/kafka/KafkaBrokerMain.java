package dev.verifier.infra.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local broker until the JVM is told to stop.
 * Usage: {@code KafkaBrokerMain [port] [data-folder]}, defaults 9092 and {@code ./data/kafka}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        Path dataDir = Path.of(args.length > 1 ? args[1] : "data/kafka");
        KafkaBroker broker = KafkaBroker.start("127.0.0.1", port, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers() + " (data " + dataDir.toAbsolutePath() + ")");
        stopped.await();
    }
}
