package dev.verifier.shared.runtime.registry;

import dev.verifier.shared.event.ApiChanged;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.kafka.Listeners;
import dev.verifier.shared.registry.ApiCache;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;

/**
 * Drops a service's cached APIs on {@code ApiChanged}. Like {@link ClientChangedEviction}: every copy has its own
 * consumer group (the service name plus a random suffix), starting from the latest offset; active in a service that
 * makes an {@link ApiCache} bean.
 */
@KafkaListener(groupId = "${micronaut.application.name}-api-changed", uniqueGroupId = true,
        pollTimeout = Listeners.POLL_TIMEOUT, offsetReset = OffsetReset.LATEST)
@Requires(beans = ApiCache.class)
public class ApiChangedEviction {

    private final ApiCache apis;

    public ApiChangedEviction(ApiCache apis) {
        this.apis = apis;
    }

    @Topic(Topics.API_CHANGED)
    void onApiChanged(ApiChanged event) {
        apis.evictAll();
    }
}
