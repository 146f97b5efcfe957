package dev.verifier.shared.kafka;

import java.util.Map;

import dev.verifier.shared.event.Topics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics every service creates at start-up when they are missing (micronaut-kafka's KafkaNewTopics creates
 * each {@link NewTopic} bean; an existing topic is left as it is).
 */
@Factory
@Requires(property = TopicsConfiguration.PREFIX + ".create", notEquals = "false")
public class TopicsFactory {

    @Bean
    @Named("code-issued")
    NewTopic codeIssued(TopicsConfiguration config) {
        return new NewTopic(Topics.CODE_ISSUED, config.partitions(), config.replicationFactor());
    }

    @Bean
    @Named("client-changed")
    NewTopic clientChanged(TopicsConfiguration config) {
        return new NewTopic(Topics.CLIENT_CHANGED, config.partitions(), config.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    @Bean
    @Named("audit")
    NewTopic audit(TopicsConfiguration config) {
        return new NewTopic(Topics.AUDIT, config.partitions(), config.replicationFactor());
    }
}
