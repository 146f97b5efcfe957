package dev.verifier.shared.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the services create the contract's topics when missing: {@code verifier.kafka.topics.partitions} and
 * {@code verifier.kafka.topics.replication-factor} (1 for the local broker; 3 in production).
 */
@ConfigurationProperties(TopicsConfiguration.PREFIX)
public record TopicsConfiguration(
        @Bindable(defaultValue = "3") int partitions,
        @Bindable(defaultValue = "1") short replicationFactor,
        @Bindable(defaultValue = "true") boolean create) {

    public static final String PREFIX = "verifier.kafka.topics";
}
