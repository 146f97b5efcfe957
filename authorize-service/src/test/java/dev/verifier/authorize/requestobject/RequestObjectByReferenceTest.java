package dev.verifier.authorize.requestobject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.jwk.RSAKey;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.authorize.support.ClientOrigin;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.RequestObjects;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Request objects by reference ({@code request_uri}) at /authorize, fetched from the client's origin on loopback
 * (local profile): registration, redirects, size and time limits.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.profile.local", value = "true")
@Property(name = "verifier.request-object.fetch-timeout", value = "1s")
@Property(name = "verifier.request-object.fetch-max-bytes", value = "8192")
class RequestObjectByReferenceTest extends FrontChannelTest {

    static final String JWT = "application/oauth-authz-req+jwt";

    final ClientOrigin origin = new ClientOrigin();
    final RSAKey key = RequestObjects.rsaKey("k1");
    final Logger fetcher = (Logger) LoggerFactory.getLogger(RequestUriFetcher.class);
    final ListAppender<ILoggingEvent> fetchLog = new ListAppender<>();
    RegisteredClient backend;
    String requestUri;

    @BeforeEach
    void captureFetchFailures() {
        fetchLog.list.clear();
        fetchLog.start();
        fetcher.setLevel(Level.INFO);
        fetcher.addAppender(fetchLog);
    }

    @AfterEach
    void releaseFetchLog() {
        fetcher.detachAppender(fetchLog);
        fetcher.setLevel(null);
    }

    @BeforeEach
    void backendWithRequestUris() {
        origin.serve("/jwks", "application/json", RequestObjects.jwks(key));
        requestUri = origin.url("/ro/" + java.util.UUID.randomUUID() + ".jwt");
        backend = new ClientBuilder().jwksUri(origin.url("/jwks")).requestUris(requestUri, origin.url("/ro/other#v1"))
                .build();
        registry.put(backend);
    }

    @AfterAll
    void stopOrigin() {
        origin.close();
    }

    Browser.Page authorize(String uri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", backend.clientId());
        params.put("request_uri", uri);
        return browser().get(AuthorizeUrls.of(params));
    }

    /** Refused on the error page with {@code error}, for the reason {@code description} names. */
    static void assertRefused(Browser.Page page, String error, String description) {
        assertEquals(400, page.status(), page.body());
        assertTrue(page.location().isEmpty(), "never redirected");
        assertTrue(page.body().contains("(" + error + ")"), page.body());
        assertTrue(page.body().contains(description), page.body());
    }

    /** The fetch failed for the reason the log gives (the page says only that the request_uri could not be used). */
    void assertFetchFailed(String reason, String detail) {
        assertTrue(fetchLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("(" + reason + ")") && m.contains(detail)), fetchLog.list.toString());
    }

    String path(String uri) {
        return java.net.URI.create(uri).getPath();
    }

    @Test
    void authorizeWithRegisteredRequestUriThenObjectIsFetchedAndUsed() {
        origin.serve(path(requestUri), JWT, RequestObjects.of(backend).claim("login_hint", "bob").sign(key));
        Browser.Page page = authorize(requestUri);
        assertTrue(page.isLoginPage(), page.body());
        assertEquals("bob", page.hidden("username"));
        assertEquals(1, origin.hits(path(requestUri)));
    }

    @Test
    void clientRequiringSignedRequestObjectsMaySendThemByReference() {
        RegisteredClient strict = new ClientBuilder().jwksUri(origin.url("/jwks")).requestUris(requestUri)
                .requireSignedRequestObject().build();
        registry.put(strict);
        origin.serve(path(requestUri), JWT, RequestObjects.of(strict).claim("login_hint", "bob").sign(key));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", strict.clientId());
        params.put("request_uri", requestUri);

        Browser.Page page = browser().get(AuthorizeUrls.of(params));

        assertTrue(page.isLoginPage(), page.body());
        assertEquals("bob", page.hidden("username"));
    }

    @Test
    void authorizeWithRegisteredUriAndANewFragmentThenAccepted() {
        origin.serve("/ro/other", JWT, RequestObjects.of(backend).sign(key));
        assertTrue(authorize(origin.url("/ro/other#v2")).isLoginPage());
    }

    @Test
    void authorizeWhenRequestUriNotRegisteredThenInvalidRequestUriAndNothingFetched() {
        origin.serve("/ro/unregistered.jwt", JWT, RequestObjects.of(backend).sign(key));
        assertRefused(authorize(origin.url("/ro/unregistered.jwt")), "invalid_request_uri",
                "request_uri is not registered for this client");
        assertRefused(authorize(requestUri + "/"), "invalid_request_uri",
                "request_uri is not registered for this client");
        assertEquals(0, origin.hits("/ro/unregistered.jwt"));
    }

    @Test
    void authorizeWhenRequestUriRedirectsThenInvalidRequestUriAndRedirectNotFollowed() {
        origin.serve("/ro/elsewhere.jwt", JWT, RequestObjects.of(backend).sign(key));
        origin.redirect(path(requestUri), origin.url("/ro/elsewhere.jwt"));
        assertRefused(authorize(requestUri), "invalid_request_uri", "could not be used");
        assertFetchFailed("status", "HTTP 302");
        assertEquals(0, origin.hits("/ro/elsewhere.jwt"));
    }

    @Test
    void authorizeWhenRequestObjectIsTooLargeThenInvalidRequestUri() {
        String padded = RequestObjects.of(backend).claim("padding", "x".repeat(20_000)).sign(key);
        origin.serve(path(requestUri), JWT, padded);
        assertRefused(authorize(requestUri), "invalid_request_uri", "could not be used");
        assertFetchFailed("failed", "larger than");
    }

    @Test
    void authorizeWhenRequestUriAnswersTooSlowlyThenInvalidRequestUri() {
        origin.serveSlowly(path(requestUri), JWT, RequestObjects.of(backend).sign(key), Duration.ofSeconds(3));
        assertRefused(authorize(requestUri), "invalid_request_uri", "could not be used");
        assertFetchFailed("failed", "SocketTimeoutException");
    }

    @Test
    void authorizeWhenRequestUriAnswers404ThenInvalidRequestUri() {
        assertRefused(authorize(requestUri), "invalid_request_uri", "could not be used");
        assertFetchFailed("status", "HTTP 404");
    }

    @Test
    void authorizeWhenFetchedObjectIsBadlySignedThenInvalidRequestObject() {
        origin.serve(path(requestUri), JWT, RequestObjects.of(backend).sign(RequestObjects.rsaKey("k1")));
        assertRefused(authorize(requestUri), "invalid_request_object", "signature does not verify");
    }

    @Test
    void authorizeWithBothRequestAndRequestUriThenInvalidRequest() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", backend.clientId());
        params.put("request_uri", requestUri);
        params.put("request", RequestObjects.of(backend).sign(key));
        assertRefused(browser().get(AuthorizeUrls.of(params)), "invalid_request",
                "request and request_uri must not be used together");
    }
}
