package dev.verifier.stack.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.stack.support.ha.HaClients;
import dev.verifier.stack.support.ha.HaStack;
import dev.verifier.stack.support.ha.Login;
import dev.verifier.stack.support.ha.TokenCalls;
import dev.verifier.stack.support.ha.TokenCalls.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two token-service copies on one database, each request sent straight to a copy at the same moment: one code, one
 * refresh token and one client assertion each succeed exactly once (the strict default: no refresh-reuse grace).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyAcrossCopiesTest {

    HaStack stack;
    final TokenCalls calls = new TokenCalls();
    String redirectUri;
    Admin.Registered spa;
    Admin.Registered webApp;
    String password;

    @BeforeAll
    void startStack() throws Exception {
        stack = HaStack.start("concurrency", 2, 1, Map.of());
        Admin admin = stack.admin();
        redirectUri = stack.url(Service.RESOURCE).resolve("/cb").toString();
        spa = HaClients.publicSpa(admin, redirectUri);
        webApp = HaClients.secretJwtClient(admin, redirectUri);
        password = HaClients.user(admin);
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    Login.Result login(String clientId) {
        Login.Result result = new Login(stack.url(Service.AUTHORIZE), clientId, redirectUri, HaClients.USERNAME,
                password).run();
        assertEquals(true, result.code().isPresent(), "signed in: " + result);
        return result;
    }

    URI tokenAt(int copy) {
        return stack.copy(Service.TOKEN, copy).url().resolve("/token");
    }

    /** Both forms at once, the first to copy 1, the second to copy 2. */
    List<Answer> atOnce(Map<String, String> first, Map<String, String> second) {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Answer> a = CompletableFuture.supplyAsync(() -> await(go, tokenAt(0), first));
        CompletableFuture<Answer> b = CompletableFuture.supplyAsync(() -> await(go, tokenAt(1), second));
        go.countDown();
        return List.of(a.join(), b.join());
    }

    Answer await(CountDownLatch go, URI endpoint, Map<String, String> form) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return calls.post(endpoint, form);
    }

    static long successes(List<Answer> answers) {
        return answers.stream().filter(a -> a.status() == 200).count();
    }

    @Test
    void oneCodeRedeemedThroughBothCopiesAtOnceSucceedsOnce() {
        Login.Result login = login(spa.clientId());
        Map<String, String> form = HaClients.codeForm(spa.clientId(), redirectUri, login.code().orElseThrow(),
                login.verifier().getValue());

        List<Answer> answers = atOnce(form, form);

        assertEquals(1, successes(answers), "answers " + answers);
        Answer loser = answers.stream().filter(a -> a.status() != 200).findFirst().orElseThrow();
        assertEquals(400, loser.status(), "answers " + answers);
        assertEquals("invalid_grant", loser.string("error"));
    }

    @Test
    void oneRefreshTokenRotatedThroughBothCopiesAtOnceSucceedsOnce() {
        Login.Result login = login(spa.clientId());
        Answer tokens = calls.post(tokenAt(0), HaClients.codeForm(spa.clientId(), redirectUri,
                login.code().orElseThrow(), login.verifier().getValue()));
        assertEquals(200, tokens.status(), tokens.json().toString());
        Map<String, String> form = HaClients.refreshForm(spa.clientId(), tokens.string("refresh_token"));

        List<Answer> answers = atOnce(form, form);

        assertEquals(1, successes(answers), "answers " + answers);
        assertEquals("invalid_grant", answers.stream().filter(a -> a.status() != 200).findFirst().orElseThrow()
                .string("error"));
    }

    @Test
    void oneClientAssertionReplayedToBothCopiesAtOnceIsAcceptedOnce() throws Exception {
        Login.Result first = login(webApp.clientId());
        Login.Result second = login(webApp.clientId());
        String assertion = new ClientSecretJWT(new ClientID(webApp.clientId()), stack.url(Service.AUTHORIZE),
                JWSAlgorithm.HS256, new Secret(webApp.clientSecret())).getClientAssertion().serialize();

        List<Answer> answers = atOnce(withAssertion(first, assertion), withAssertion(second, assertion));

        assertEquals(1, successes(answers), "answers " + answers);
        Answer loser = answers.stream().filter(a -> a.status() != 200).findFirst().orElseThrow();
        assertEquals(401, loser.status(), "answers " + answers);
        assertEquals("invalid_client", loser.string("error"));
    }

    Map<String, String> withAssertion(Login.Result login, String assertion) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "authorization_code",
                "code", login.code().orElseThrow(), "redirect_uri", redirectUri,
                "code_verifier", login.verifier().getValue(),
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion));
        return form;
    }
}
