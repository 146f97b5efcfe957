package dev.verifier.authorize.par;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.verifier.authorize.authorize.AuthorizationParameters;
import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.testsupport.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pushed-request store on a real PostgreSQL 15. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParPostgresTest implements AuthorizeTestContext {

    @Inject
    PushedRequests requests;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(AuthorizeTestContext.super.getProperties());
        props.putAll(SharedPostgres.properties("authorize_par"));
        return props;
    }

    @Test
    void pushedRequestIsReadBackOnceForItsClientOnly() {
        AuthorizationParameters params = new AuthorizationParameters(Map.of("scope", List.of("openid"),
                "client_id", List.of("c1")));
        String uri = requests.push("c1", params).requestUri();
        OAuthException other = assertThrows(OAuthException.class, () -> requests.take(uri, "c2"));
        assertEquals("invalid_request_uri", other.error().code());
        assertEquals(params, requests.take(uri, "c1"));
        assertThrows(OAuthException.class, () -> requests.take(uri, "c1"), "single use");
        assertTrue(requests.purgeExpired() >= 0);
    }
}
