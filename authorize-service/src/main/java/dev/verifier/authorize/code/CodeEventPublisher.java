package dev.verifier.authorize.code;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.verifier.authorize.authorize.AuthorizeConfiguration;
import dev.verifier.shared.event.CodeIssued;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a {@code CodeIssued} event and waits, for a bounded time, until the broker has confirmed it. */
@Singleton
class CodeEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CodeEventPublisher.class);

    private final CodeEventClient client;
    private final AuthorizeConfiguration config;

    CodeEventPublisher(CodeEventClient client, AuthorizeConfiguration config) {
        this.client = client;
        this.config = config;
    }

    void publishConfirmed(CodeIssued event) {
        try {
            client.send(event.codeHash(), event).get(config.eventConfirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotConfirmedException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("code-issued event not confirmed for client {}: {}", event.clientId(), e.toString());
            throw new EventNotConfirmedException(e);
        }
    }
}
