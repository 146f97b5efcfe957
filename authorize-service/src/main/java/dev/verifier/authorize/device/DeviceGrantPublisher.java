package dev.verifier.authorize.device;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.verifier.authorize.code.EventNotConfirmedException;
import dev.verifier.authorize.request.AuthorizeConfiguration;
import dev.verifier.shared.event.CodeEventSeal;
import dev.verifier.shared.event.DeviceGrantEvent;
import dev.verifier.shared.event.EventsConfiguration;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.runtime.observability.MessageTracing;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a {@link DeviceGrantEvent} sealed under the event key ring, bound to {@link Topics#DEVICE_GRANT} and to
 * the record key (the device code's hash), exactly as code-issued events are sealed, and waits (as long as
 * {@code verifier.authorize.event-confirm-timeout}) for the broker's acknowledgement.
 */
@Singleton
class DeviceGrantPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceGrantPublisher.class);

    private final DeviceGrantClient client;
    private final AuthorizeConfiguration config;
    private final MessageTracing tracing;
    private final CodeEventSeal seal;
    private final JsonMapper json;

    DeviceGrantPublisher(DeviceGrantClient client, AuthorizeConfiguration config, MessageTracing tracing,
                         EventsConfiguration events, JsonMapper json) {
        this.client = client;
        this.config = config;
        this.tracing = tracing;
        this.seal = events.seal().forTopic(Topics.DEVICE_GRANT);
        this.json = json;
    }

    void publishConfirmed(DeviceGrantEvent event) {
        byte[] sealed;
        try {
            sealed = seal.seal(event.deviceCodeHash(), json.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new EventNotConfirmedException(e);
        }
        try {
            tracing.produce(Topics.DEVICE_GRANT, headers -> client.send(event.deviceCodeHash(), sealed, headers))
                    .get(config.eventConfirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotConfirmedException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("device-grant event not confirmed for client {}: {}", event.clientId(), e.toString());
            throw new EventNotConfirmedException(e);
        }
    }
}
