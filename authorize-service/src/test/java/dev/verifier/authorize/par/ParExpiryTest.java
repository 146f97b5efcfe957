package dev.verifier.authorize.par;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Par;
import dev.verifier.authorize.support.TestClock;
import dev.verifier.testsupport.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A pushed request's request_uri expires after {@code verifier.par.request-lifetime}. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.par.request-lifetime", value = "90s")
@Property(name = "test.clock", value = "mutable")
class ParExpiryTest extends FrontChannelTest {

    @Inject
    JsonMapper mapper;
    @Inject
    TestClock clock;

    @Test
    void requestUriUsedAfterItsLifetimeThenInvalidRequestUri() {
        Par.Answer answer = new Par(server.getURL().toString(), mapper)
                .push(Par.form(AuthorizeUrls.valid(spa), Map.of()), null);
        assertEquals(201, answer.status(), answer.body().toString());
        assertEquals(90, ((Number) answer.body().get("expires_in")).intValue());
        clock.advance(Duration.ofSeconds(91));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", spa.clientId());
        params.put("request_uri", answer.requestUri());
        Browser.Page page = browser().get(AuthorizeUrls.of(params));
        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains("(invalid_request_uri)"), page.body());
        assertTrue(page.body().contains("expired"), page.body());
    }
}
