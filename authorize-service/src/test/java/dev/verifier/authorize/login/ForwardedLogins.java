package dev.verifier.authorize.login;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.AuditTopicReader;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

/** A failed login posted with an {@code X-Forwarded-For} header, and the source address its audit event names. */
final class ForwardedLogins {

    record Attempt(int status, String clientId) {
    }

    private final EmbeddedServer server;
    private final FakeRegistry registry;

    ForwardedLogins(EmbeddedServer server, FakeRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    /** A wrong password for a new client's login page, sent with {@code X-Forwarded-For: forwardedFor}. */
    Attempt attempt(String forwardedFor) throws IOException, InterruptedException {
        RegisteredClient client = TestClients.firstPartyClient("https://app.example/cb");
        registry.put(client);
        Browser browser = new Browser(server.getURL().toString());
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client)));
        String form = "interaction=" + login.hidden("interaction") + "&csrf_token=" + login.hidden("csrf_token")
                + "&username=nobody&password=" + URLEncoder.encode("wrong password", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-verifier_csrf=" + browser.cookie("__Host-verifier_csrf").orElseThrow())
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return new Attempt(status, client.clientId());
    }

    /** The {@code source_address} of the {@code login_failed} audit event of {@code clientId} on the audit topic. */
    static String auditedSource(String clientId, JsonMapper json) throws IOException {
        List<String> events = AuditTopicReader.read(SharedKafka.bootstrapServers(),
                v -> v.contains(clientId) && v.contains("login_failed"), found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        if (events.isEmpty()) {
            throw new AssertionError("no login_failed audit event for " + clientId);
        }
        return String.valueOf(json.readValue(events.get(0), java.util.Map.class).get("source_address"));
    }
}
