package dev.verifier.authorize.code;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.verifier.authorize.request.AuthorizeConfiguration;
import dev.verifier.shared.event.CodeEventSeal;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.EventsConfiguration;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.runtime.observability.MessageTracing;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a {@code CodeIssued} event, sealed under the event key ring ({@link CodeEventSeal}: released claims are
 * not readable on the topic, and token-service accepts only what a key holder sealed), and waits, for a bounded time, until the broker has confirmed it; the send is a
 * PRODUCER span of the request's trace, whose context travels in the record headers to token-service's consumer.
 */
@Singleton
class CodeEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CodeEventPublisher.class);

    private final CodeEventClient client;
    private final AuthorizeConfiguration config;
    private final MessageTracing tracing;
    private final CodeEventSeal seal;
    private final JsonMapper json;

    CodeEventPublisher(CodeEventClient client, AuthorizeConfiguration config, MessageTracing tracing,
                       EventsConfiguration events, JsonMapper json) {
        this.client = client;
        this.config = config;
        this.tracing = tracing;
        this.seal = events.seal(); // no key ring: the service does not start, saying what to set
        this.json = json;
    }

    void publishConfirmed(CodeIssued event) {
        byte[] sealed;
        try {
            sealed = seal.seal(event.codeHash(), json.writeValueAsBytes(event));
        } catch (java.io.IOException e) {
            throw new EventNotConfirmedException(e);
        }
        try {
            tracing.produce(Topics.CODE_ISSUED, headers -> client.send(event.codeHash(), sealed, headers))
                    .get(config.eventConfirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotConfirmedException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("code-issued event not confirmed for client {}: {}", event.clientId(), e.toString());
            throw new EventNotConfirmedException(e);
        }
    }
}
