package dev.verifier.authorize.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.authorize.support.CodeEvents;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Par;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.event.Topics;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code POST /device_authorization} (RFC 8628 §3.1, §3.2) over real HTTP, with its event on the real broker. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceAuthorizationEndpointTest extends FrontChannelTest {

    static final String USER_CODE = "[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}";

    @Inject
    JsonMapper mapper;
    @Inject
    VerifierUrls urls;

    Par.Answer start(String clientId, String scope) {
        return Devices.start(server.getURL().toString(), mapper, clientId, scope, null);
    }

    @Test
    void publicClientGetsDeviceCodeAndConsonantUserCodeAndTheSealedPendingEvent() {
        RegisteredClient tv = Devices.tv();
        registry.put(tv);
        Par.Answer answer = start(tv.clientId(), "openid profile");
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        String userCode = (String) answer.body().get("user_code");
        assertTrue(userCode.matches(USER_CODE), userCode);
        assertEquals(urls.issuerId() + "/device", answer.body().get("verification_uri"));
        assertEquals(urls.issuerId() + "/device?user_code=" + userCode, answer.body().get("verification_uri_complete"));
        assertEquals(600, ((Number) answer.body().get("expires_in")).intValue());
        assertEquals(5, ((Number) answer.body().get("interval")).intValue());
        String deviceCode = (String) answer.body().get("device_code");
        assertTrue(deviceCode.startsWith("d1."), deviceCode);

        CodeEvents.Event event = CodeEvents.find(Topics.DEVICE_GRANT, Hashes.sha256Base64Url(deviceCode), mapper)
                .orElseThrow(() -> new AssertionError("no device-grant event"));
        assertEquals("PENDING", event.value().get("status"));
        assertEquals(tv.clientId(), event.value().get("client_id"));
        assertEquals("openid profile", event.value().get("scope"));
        assertTrue(event.wire().startsWith("v2."), "sealed");
        assertFalse(event.json().contains(deviceCode) || event.json().contains(userCode), "no codes in the event");
    }

    @Test
    void userCodesAreEightConsonantsAndDiffer() {
        RegisteredClient tv = Devices.tv();
        registry.put(tv);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            codes.add((String) start(tv.clientId(), "openid").body().get("user_code"));
        }
        assertEquals(5, codes.size());
        codes.forEach(code -> assertTrue(code.matches(USER_CODE), code));
    }

    @Test
    void clientNotRegisteredForTheDeviceGrantIsUnauthorizedClient() {
        Par.Answer answer = start(spa.clientId(), "openid");
        assertEquals(400, answer.status());
        assertEquals("unauthorized_client", answer.body().get("error"));
    }

    @Test
    void unknownClientIsInvalidClient() {
        Par.Answer answer = start("no-such-client", "openid");
        assertEquals(401, answer.status());
        assertEquals("invalid_client", answer.body().get("error"));
    }

    @Test
    void scopeIsValidatedAsAtAuthorize() {
        RegisteredClient tv = Devices.tv();
        registry.put(tv);
        assertEquals("invalid_scope", start(tv.clientId(), "openid admin.everything").body().get("error"));
        assertEquals("invalid_scope", start(tv.clientId(), null).body().get("error"));
        Par.Answer target = Devices.start(server.getURL().toString(), mapper, tv.clientId(), "openid", null);
        assertEquals(200, target.status());
        Map<String, List<String>> form = Map.of("client_id", List.of(tv.clientId()), "scope", List.of("openid"),
                "resource", List.of("https://unknown.example/api"));
        Par.Answer unknownResource = new Par(server.getURL().toString(), mapper).post("/device_authorization", form,
                null);
        assertEquals(400, unknownResource.status());
        assertEquals("invalid_target", unknownResource.body().get("error"));
    }

    @Test
    void confidentialClientAuthenticatesAsAtToken() {
        String secret = ClientSecrets.generate();
        RegisteredClient backend = TestClients.withGrantTypes(new ClientBuilder().authMethod("client_secret_basic")
                .secretHash(ClientSecrets.hash(secret)).build(), Devices.GRANT);
        registry.put(backend);
        String base = server.getURL().toString();
        Par.Answer noSecret = Devices.start(base, mapper, backend.clientId(), "openid", null);
        assertEquals(401, noSecret.status());
        assertEquals("invalid_client", noSecret.body().get("error"));
        Par.Answer wrong = Devices.start(base, mapper, null, "openid", Par.basic(backend.clientId(), "wrong-secret"));
        assertEquals(401, wrong.status());
        assertEquals("invalid_client", wrong.body().get("error"));
        Par.Answer ok = Devices.start(base, mapper, null, "openid", Par.basic(backend.clientId(), secret));
        assertEquals(200, ok.status(), ok.body().toString());
        assertNotEquals(null, ok.body().get("device_code"));
    }
}
