package dev.verifier.authorize.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Without trusted proxies (the default) X-Forwarded-For is ignored: a client cannot escape the per-address limit by
 * sending a different address in that header each time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.login.address-limit", value = "2")
@Property(name = "verifier.login.account-limit", value = "100")
class ForwardedForFromUntrustedPeerTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;

    int attempt(String forwardedFor) throws IOException, InterruptedException {
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
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() throws Exception {
        assertEquals(200, attempt("203.0.113.7"));
        assertEquals(200, attempt("203.0.113.8"));
        assertEquals(429, attempt("203.0.113.9"), "all three came from the socket peer 127.0.0.1");
    }
}
