package dev.verifier.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import dev.verifier.infra.kafka.KafkaBroker;

/**
 * One real KRaft broker per test JVM, started on first use on a free port and stopped (its folder deleted) when the
 * JVM exits, after the Micronaut contexts have closed.
 */
public final class SharedKafka {

    private static KafkaBroker broker;

    private SharedKafka() {
    }

    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("verifier-kafka-test");
                broker = KafkaBroker.start("127.0.0.1", KafkaBroker.freePort(), dir);
                KafkaBroker started = broker;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteTree(dir);
                }, "shared-kafka-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test Kafka broker", e);
            }
        }
        return broker;
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** Properties that point a Micronaut context at the shared broker. */
    public static Map<String, String> properties() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder left behind is harmless
        }
    }
}
