package dev.verifier.authorize.requestobject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.authorize.support.ClientOrigin;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.RequestObjects;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Outside the local profile a request_uri on http or on a loopback address is never fetched. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestUriOutsideLocalProfileTest extends FrontChannelTest {

    final ClientOrigin origin = new ClientOrigin();

    @AfterAll
    void stopOrigin() {
        origin.close();
    }

    @Test
    void authorizeWithRegisteredHttpLoopbackRequestUriThenInvalidRequestUriAndNothingFetched() {
        RSAKey key = RequestObjects.rsaKey("k1");
        origin.serve("/jwks", "application/json", RequestObjects.jwks(key));
        String requestUri = origin.url("/ro.jwt");
        RegisteredClient client = new ClientBuilder().jwksUri(origin.url("/jwks")).requestUris(requestUri).build();
        registry.put(client);
        origin.serve("/ro.jwt", "application/oauth-authz-req+jwt", RequestObjects.of(client).sign(key));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", client.clientId());
        params.put("request_uri", requestUri);

        Browser.Page page = browser().get(AuthorizeUrls.of(params));

        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains("(invalid_request_uri)"), page.body());
        assertEquals(0, origin.hits("/ro.jwt"));
    }
}
