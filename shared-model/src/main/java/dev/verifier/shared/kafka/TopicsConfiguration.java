package dev.verifier.shared.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the services create the contract's topics when missing: {@code verifier.kafka.topics.partitions} and
 * {@code verifier.kafka.topics.replication-factor} (1 for the local broker; 3 in production), with
 * {@link #minInsyncReplicas()}.
 */
@ConfigurationProperties(TopicsConfiguration.PREFIX)
public record TopicsConfiguration(
        @Bindable(defaultValue = "3") int partitions,
        @Bindable(defaultValue = "1") short replicationFactor,
        @Bindable(defaultValue = "true") boolean create) {

    public static final String PREFIX = "verifier.kafka.topics";

    /**
     * {@code min.insync.replicas} of the created topics: one less than the replication factor, at most 2 (with
     * producers on acks=all, a write then survives the loss of a broker: 2 for the production factor 3).
     */
    public int minInsyncReplicas() {
        return Math.max(1, Math.min(2, replicationFactor - 1));
    }
}
