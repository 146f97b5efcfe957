package dev.verifier.stack.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.DemoSeed;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The code-issued event never makes a client fail: a code redeemed the instant the redirect arrives works every
 * time; a token-service restarted between authorize and token still redeems it (the event is in its database or
 * replayed from Kafka); and when authorize-service loses the broker the user gets the clear try-again page and no
 * redirect; a client changed while the broker is down reaches the other services' caches once it is back. On a
 * stack of its own, since it restarts a service and stops and restarts the broker (last).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RaceAndRestartTest {

    VerifierStack stack;
    DemoSeed.Demo demo;
    Browser browser;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startStackAndLogIn() throws Exception {
        stack = VerifierStack.isolated(Database.H2, "resilience");
        demo = stack.demo();
        browser = new Browser(stack.issuer().toString());
        Page page = browser.open(authorizeUrl(new CodeVerifier()));
        Page consent = browser.login(page, demo.username(), demo.password());
        browser.consent(consent, "approve");
    }

    @AfterAll
    void stopStack() {
        stack.close();
    }

    @Test
    @Order(1)
    void codeRedeemedTheInstantTheRedirectArrivesSucceeds200TimesInARow() throws Exception {
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            CodeVerifier verifier = new CodeVerifier();
            String code = code(browser.open(authorizeUrl(verifier)));
            HttpResponse<String> token = redeem(code, verifier);
            if (token.statusCode() != 200) {
                failures++;
            }
        }
        assertEquals(0, failures, "redemptions that failed out of 200");
    }

    @Test
    @Order(2)
    void tokenServiceRestartedBetweenAuthorizeAndTokenStillRedeemsTheCode() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        stack.process(Service.TOKEN).close();
        String code = code(browser.open(authorizeUrl(verifier)));

        stack.restart(Service.TOKEN);

        HttpResponse<String> token = redeem(code, verifier);
        assertEquals(200, token.statusCode(), token.body());
    }

    @Test
    @Order(3)
    void brokerLostGivesTheTryAgainPageAndNoRedirect() throws Exception {
        stack.stopBroker();

        Page page = browser.open(authorizeUrl(new CodeVerifier()));

        assertEquals(503, page.status(), page.body());
        assertTrue(page.location().isEmpty(), "no redirect to the client");
        assertFalse(page.body().contains("code="), "no code on the page");
        assertTrue(page.body().toLowerCase().contains("try again"), page.body());
    }

    /**
     * A client changed while the broker is down is committed at once; its ClientChanged event waits in the registry's
     * outbox and reaches authorize-service when the broker is back, well before its cached copy would expire (5 min).
     */
    @Test
    @Order(4)
    void clientChangedWhileTheBrokerIsDownReachesAuthorizeServiceOnceTheBrokerIsBack() throws Exception {
        String added = demo.redirectUri() + "added-while-broker-down";
        new Admin(stack).replaceClient(demo.clientId(), DemoSeed.clientMetadata(List.of(demo.redirectUri(), added)));
        Page cached = browser.open(authorizeUrl(new CodeVerifier(), added));
        assertEquals(400, cached.status(), "authorize-service still holds the cached client");

        stack.restartBroker();

        Instant deadline = Instant.now().plusSeconds(60);
        Page page = browser.open(authorizeUrl(new CodeVerifier(), added));
        while (page.location().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            page = browser.open(authorizeUrl(new CodeVerifier(), added));
        }
        assertTrue(page.location().orElseThrow().startsWith(added), "the new redirect URI is accepted");
        assertTrue(page.redirectParams().containsKey("code"), page.location().orElseThrow());
    }

    private URI authorizeUrl(CodeVerifier verifier) {
        return authorizeUrl(verifier, demo.redirectUri());
    }

    private URI authorizeUrl(CodeVerifier verifier, String redirectUri) {
        Map<String, String> params = Map.of(
                "response_type", "code",
                "client_id", demo.clientId(),
                "redirect_uri", redirectUri,
                "scope", "openid profile",
                "state", "s" + System.nanoTime(),
                "code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue(),
                "code_challenge_method", "S256");
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(enc(v)));
        return stack.issuer().resolve("/authorize?" + query);
    }

    private static String code(Page redirect) {
        String code = redirect.redirectParams().get("code");
        if (code == null) {
            throw new AssertionError("no code: " + redirect.status() + " " + redirect.location());
        }
        return code;
    }

    private HttpResponse<String> redeem(String code, CodeVerifier verifier) throws Exception {
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(demo.redirectUri())
                + "&client_id=" + enc(demo.clientId()) + "&code_verifier=" + enc(verifier.getValue());
        return http.send(HttpRequest.newBuilder(stack.url(Service.TOKEN).resolve("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
