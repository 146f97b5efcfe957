package dev.verifier.token.backchannel;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.registry.ClientCache;
import dev.verifier.shared.web.OutboundUrlGuard;
import jakarta.inject.Singleton;

/**
 * Sends one logout token: the client's {@code backchannel_logout_uri} through the {@link OutboundUrlGuard} (https and
 * public addresses only, outside the local profile), a form POST of {@code logout_token} with a connect time-out and
 * a time-out for the whole answer, no redirects followed, the answer's body ignored. A 2xx is delivered.
 */
@Singleton
class BackchannelSender {

    /** What one attempt came to; {@code reason} is for the record (never the token). */
    record Outcome(Kind kind, String reason) {
        enum Kind { DELIVERED, RETRY, SKIPPED }
    }

    private final ClientCache clients;
    private final LogoutTokens tokens;
    private final OutboundUrlGuard guard;
    private final BackchannelConfiguration config;
    private final HttpClient http;

    BackchannelSender(ClientCache clients, LogoutTokens tokens, OutboundUrlGuard guard,
                      BackchannelConfiguration config) {
        this.clients = clients;
        this.tokens = tokens;
        this.guard = guard;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Outcome send(BackchannelDelivery delivery) {
        Optional<RegisteredClient> client;
        try {
            client = clients.get(delivery.clientId());
        } catch (RuntimeException e) {
            return new Outcome(Outcome.Kind.RETRY, "the registry cannot be read");
        }
        if (client.isEmpty()) {
            return new Outcome(Outcome.Kind.SKIPPED, "the client is no longer registered");
        }
        String uri = client.get().metadata().backchannelLogoutUri();
        if (uri == null) {
            return new Outcome(Outcome.Kind.SKIPPED, "the client has no backchannel_logout_uri");
        }
        URI target;
        try {
            target = new URI(uri);
        } catch (java.net.URISyntaxException e) {
            return new Outcome(Outcome.Kind.SKIPPED, "backchannel_logout_uri is not a valid URI");
        }
        Optional<String> refusal = guard.refusal(target);
        if (refusal.isPresent()) {
            return new Outcome(Outcome.Kind.RETRY, refusal.get());
        }
        return post(target, tokens.issue(client.get(), delivery.subject(), delivery.sid()));
    }

    private Outcome post(URI target, String logoutToken) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8)))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? new Outcome(Outcome.Kind.DELIVERED, "answered " + status)
                    : new Outcome(Outcome.Kind.RETRY, "answered " + status);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome(Outcome.Kind.RETRY, "no answer in time");
        } catch (java.io.IOException e) {
            return new Outcome(Outcome.Kind.RETRY, "cannot connect");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.Kind.RETRY, "interrupted");
        }
    }
}
