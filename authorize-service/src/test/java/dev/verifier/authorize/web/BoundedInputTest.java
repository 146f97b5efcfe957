package dev.verifier.authorize.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.RawHttp;
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

    /**
     * Sends only the head of a POST that declares a {@code length}-byte form, then reads the whole answer until the
     * server closes. The body is never sent: a server that closes a connection with unread input resets it, which can
     * drop the answer before a client reads it, so a test sending the body would depend on that race.
     */
    String postHeadOnly(String path, long length) throws Exception {
        URI url = URI.create(server.getURL().toString());
        return RawHttp.exchange(url, "POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n\r\n");
    }

    @Test
    void aTenMegabyteFormIsRefusedWithoutA5xxAndTheConnectionCloses() throws Exception {
        for (String path : new String[] {"/login", "/par", "/authorize"}) {
            String answer = postHeadOnly(path, 10L * 1024 * 1024);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            assertTrue(head.startsWith("http/1.1 413 "), path + ": " + answer);
            assertTrue(head.contains("\r\nconnection: close"), path
                    + ": the connection is closed after the 413, so the client need not send the rest: " + answer);
            assertTrue(answer.endsWith("{\"error\":\"invalid_request\",\"error_description\":\"malformed request\"}"),
                    path + ": " + answer);
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
