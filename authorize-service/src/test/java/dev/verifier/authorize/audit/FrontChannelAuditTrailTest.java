package dev.verifier.authorize.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Json;
import dev.verifier.authorize.support.Par;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.testsupport.AuditTopicReader;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The front channel's security events reach the verifier.audit topic on the real broker — login failed and
 * succeeded, consent given, code issued, admin actions on users, pushed requests, refused request objects — with the actor, client and subject, and never a
 * password, a code or a code hash.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontChannelAuditTrailTest extends FrontChannelTest {

    static final String WRONG_PASSWORD = "not-the-password-42";
    static final String NEW_USER_PASSWORD = "a fresh long passphrase 7";

    @Inject
    JsonMapper mapper;

    @Test
    void loginConsentCodeAndAdminActionsAreAuditedWithoutSecrets() throws Exception {
        Browser browser = new Browser(server.getURL().toString());
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser.Page again = browser.login(login, "alice", WRONG_PASSWORD);
        Browser.Page consent = browser.login(again, "alice", TestUsers.PASSWORD);
        Browser.Page redirect = browser.consent(consent, "approve");
        String code = redirect.redirectParams().get("code");
        assertNotNull(code);
        String username = "audited-" + System.nanoTime();
        Json json = new Json(server.getURL().toString(), mapper);
        assertEquals(201, json.post("/admin/users", TestTokens.usersAdmin(), Map.of("username", username,
                "password", NEW_USER_PASSWORD, "email", username + "@example.com")).status());

        List<String> expected = List.of("login_failed", "login_succeeded", "consent_given", "code_issued",
                "admin_action");
        List<String> raw = AuditTopicReader.read(SharedKafka.bootstrapServers(),
                v -> v.contains(spa.clientId()) || v.contains(username),
                found -> types(found).containsAll(expected), Duration.ofSeconds(30));

        assertTrue(types(raw).containsAll(expected), types(raw).toString());
        for (String record : raw) {
            Map<?, ?> event = mapper.readValue(record, Map.class);
            assertEquals("authorize-service", event.get("service"), record);
            assertNotNull(event.get("trace_id"), record);
            if (!"login_failed".equals(event.get("type")) && !"admin_action".equals(event.get("type"))) {
                assertEquals(alice.sub(), event.get("subject"), record);
            }
            for (String secret : List.of(WRONG_PASSWORD, TestUsers.PASSWORD, NEW_USER_PASSWORD, code,
                    dev.verifier.shared.crypto.Hashes.sha256Base64Url(code))) {
                assertFalse(record.contains(secret), "audit record carries a secret: " + record);
            }
        }
    }

    @Test
    void pushedRequestsAndRefusedRequestObjectsReachTheAuditTopic() {
        Par.Answer pushed = new Par(server.getURL().toString(), mapper).push(
                Par.form(AuthorizeUrls.valid(spa), Map.of()), null);
        assertEquals(201, pushed.status(), pushed.body().toString());
        Map<String, String> byValue = new LinkedHashMap<>();
        byValue.put("client_id", spa.clientId());
        byValue.put("request", "not-a-signed-request-object");
        assertEquals(400, browser().get(AuthorizeUrls.of(byValue)).status());

        List<String> expected = List.of("authorization_request_pushed", "request_object_refused");
        List<String> raw = AuditTopicReader.read(SharedKafka.bootstrapServers(), v -> v.contains(spa.clientId()),
                found -> types(found).containsAll(expected), Duration.ofSeconds(30));

        assertTrue(types(raw).containsAll(expected), types(raw).toString());
        assertFalse(raw.stream().anyMatch(r -> r.contains(pushed.requestUri())), "the request_uri is not audited");
    }

    private List<String> types(List<String> records) {
        return records.stream().map(r -> {
            try {
                return String.valueOf(mapper.readValue(r, Map.class).get("type"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toList());
    }
}
