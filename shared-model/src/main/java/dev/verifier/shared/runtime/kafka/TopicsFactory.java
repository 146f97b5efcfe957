package dev.verifier.shared.runtime.kafka;

import java.util.Map;

import dev.verifier.shared.event.Topics;
import dev.verifier.shared.kafka.TopicsConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics every service creates at start-up when they are missing (micronaut-kafka's KafkaNewTopics creates
 * each {@link NewTopic} bean; an existing topic is left as it is), each with {@code min.insync.replicas} from
 * {@link TopicsConfiguration#minInsyncReplicas()}.
 */
@Factory
@Requires(property = TopicsConfiguration.PREFIX + ".create", notEquals = "false")
public class TopicsFactory {

    @Bean
    @Named("code-issued")
    NewTopic codeIssued(TopicsConfiguration config) {
        return new NewTopic(Topics.CODE_ISSUED, config.partitions(), config.replicationFactor())
                .configs(durable(config));
    }

    @Bean
    @Named("device-grant")
    NewTopic deviceGrant(TopicsConfiguration config) {
        return new NewTopic(Topics.DEVICE_GRANT, config.partitions(), config.replicationFactor())
                .configs(durable(config));
    }

    @Bean
    @Named("client-changed")
    NewTopic clientChanged(TopicsConfiguration config) {
        return compacted(Topics.CLIENT_CHANGED, config);
    }

    @Bean
    @Named("api-changed")
    NewTopic apiChanged(TopicsConfiguration config) {
        return compacted(Topics.API_CHANGED, config);
    }

    @Bean
    @Named("session-ended")
    NewTopic sessionEnded(TopicsConfiguration config) {
        return new NewTopic(Topics.SESSION_ENDED, config.partitions(), config.replicationFactor())
                .configs(durable(config));
    }

    @Bean
    @Named("audit")
    NewTopic audit(TopicsConfiguration config) {
        return new NewTopic(Topics.AUDIT, config.partitions(), config.replicationFactor())
                .configs(durable(config));
    }

    @Bean
    @Named("dead-letter")
    NewTopic deadLetter(TopicsConfiguration config) {
        return new NewTopic(Topics.DEAD_LETTER, config.partitions(), config.replicationFactor())
                .configs(durable(config));
    }

    /** A cache-invalidation topic: only the latest event per key matters. */
    private static NewTopic compacted(String name, TopicsConfiguration config) {
        return new NewTopic(name, config.partitions(), config.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(config.minInsyncReplicas())));
    }

    private static Map<String, String> durable(TopicsConfiguration config) {
        return Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(config.minInsyncReplicas()));
    }
}
