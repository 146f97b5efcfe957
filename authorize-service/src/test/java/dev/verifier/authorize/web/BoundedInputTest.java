package dev.verifier.authorize.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.testsupport.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Public endpoints refuse oversized input in the RFC error shape (never a 5xx), and an error sent back to the client
 * is described in our own words, never with the request's raw input.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedInputTest extends FrontChannelTest {

    HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTenMegabyteFormIsRefusedWithoutA5xx() throws Exception {
        String huge = "username=" + "a".repeat(10 * 1024 * 1024);
        for (String path : new String[] {"/login", "/par", "/authorize"}) {
            HttpResponse<String> answer = post(path, huge);
            assertTrue(answer.statusCode() == 413 || answer.statusCode() == 400, path + ": " + answer.statusCode());
            assertTrue(answer.body().contains("invalid_request") || answer.body().contains("error"),
                    path + ": " + answer.body());
            if (answer.statusCode() == 413) {
                assertEquals("close", answer.headers().firstValue("connection").orElse(""),
                        path + ": the connection is closed after the 413, so the client need not send the rest");
            }
        }
    }

    @Test
    void tooManyParametersAreRefusedOnTheErrorPage() {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        for (int i = 0; i < 60; i++) {
            params.put("x" + i, "y");
        }
        Browser.Page page = browser().get(AuthorizeUrls.of(params));
        assertEquals(400, page.status(), page.body());
        assertTrue(page.location().isEmpty(), "not redirected");
    }

    @Test
    void errorDescriptionNeverEchoesTheRequest() {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("scope", "openid attacker-says-visit-evil.example");
        Browser.Page page = browser().get(AuthorizeUrls.of(params));
        String location = page.location().orElseThrow();
        assertTrue(location.contains("error=invalid_scope"), location);
        assertFalse(location.contains("evil.example"), location);
    }
}
