package dev.verifier.authorize.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.CodeEvents;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Json;
import dev.verifier.authorize.support.SessionEndedEvents;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserView;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.SharedPostgres;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Logout, the session admin API and disabled users on a real PostgreSQL 15 (sid column, outbox, disabled_user). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogoutPostgresTest extends FrontChannelTest {

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.putAll(SharedPostgres.properties("authorize_logout"));
        return props;
    }

    private Browser.Page login(Browser browser, String username) {
        Browser.Page next = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), username,
                TestUsers.PASSWORD);
        return next.isConsentPage() ? browser.consent(next, "approve") : next;
    }

    @Test
    @SuppressWarnings("unchecked")
    void logoutAdminSessionsAndDisableWorkOnPostgres() {
        spa = TestClients.withPostLogoutRedirectUris(spa, "https://app.example/bye");
        registry.put(spa);
        UserView mia = TestUsers.create(users, "mia");
        Browser browser = browser();
        String code = login(browser, "mia").redirectParams().get("code");
        String sid = (String) CodeEvents.find(Hashes.sha256Base64Url(code), json).orElseThrow().value()
                .get("session_id");
        Json admin = new Json(server.getURL().toString(), json);
        assertEquals(sid, ((List<Map<String, Object>>) admin.get("/admin/users/mia/sessions",
                TestTokens.usersAdmin()).body().get("sessions")).get(0).get("sid"));

        String hint = TestTokens.idToken(mia.sub(), spa.clientId(), sid).sign();
        Browser.Page out = browser.get("/logout?id_token_hint=" + hint + "&post_logout_redirect_uri="
                + URLEncoder.encode("https://app.example/bye", StandardCharsets.UTF_8) + "&state=x");
        assertEquals("https://app.example/bye?state=x", out.location().orElseThrow(() -> new AssertionError(out.body())));
        assertTrue(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))).isLoginPage());
        assertTrue(SessionEndedEvents.find(mia.sub(), e -> sid.equals(e.get("session_id")), json).isPresent());

        login(browser, "mia");
        assertEquals(204, admin.postEmpty("/admin/users/mia/disable", TestTokens.usersAdmin()).status());
        assertTrue(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))).isLoginPage());
        assertTrue(login(browser, "mia").body().contains("The username or password is incorrect."));
        assertEquals(204, admin.postEmpty("/admin/users/mia/enable", TestTokens.usersAdmin()).status());
        assertEquals(303, login(browser, "mia").status());
    }
}
