package dev.verifier.authorize.par;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.TestClock;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.testsupport.SharedPostgres;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pushed-request store on a real PostgreSQL 15. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "test.clock", value = "mutable")
class ParPostgresTest implements AuthorizeTestContext {

    static final AuthorizationParameters PARAMS = new AuthorizationParameters(Map.of("scope", List.of("openid"),
            "client_id", List.of("c1")));

    @Inject
    PushedRequests requests;
    @Inject
    TestClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(AuthorizeTestContext.super.getProperties());
        props.putAll(SharedPostgres.properties("authorize_par"));
        return props;
    }

    @Test
    void pushedRequestIsReadBackOnceForItsClientOnly() {
        String uri = requests.push("c1", PARAMS).requestUri();
        OAuthException other = assertThrows(OAuthException.class, () -> requests.take(uri, "c2"));
        assertEquals("invalid_request_uri", other.error().code());
        assertEquals("the request_uri was pushed by another client", other.description());
        assertEquals(PARAMS, requests.take(uri, "c1"));
        OAuthException again = assertThrows(OAuthException.class, () -> requests.take(uri, "c1"), "single use");
        assertEquals("the request_uri is unknown or was already used", again.description());
    }

    @Test
    void purgeDeletesExpiredRequestsOnly() {
        String expired = requests.push("c1", PARAMS).requestUri();
        clock.advance(Duration.ofSeconds(61)); // past the default 60 s lifetime
        String fresh = requests.push("c1", PARAMS).requestUri();

        assertEquals(1, requests.purgeExpired(), "the expired request, not the fresh one");

        assertEquals(PARAMS, requests.take(fresh, "c1"));
        OAuthException gone = assertThrows(OAuthException.class, () -> requests.take(expired, "c1"));
        assertEquals("the request_uri is unknown or was already used", gone.description(), "deleted, not just expired");
    }
}
