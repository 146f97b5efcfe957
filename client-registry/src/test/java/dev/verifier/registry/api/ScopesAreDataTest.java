package dev.verifier.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A client's scope holds only OpenID Connect scopes, internal scopes (verifier_admin clients) and scopes of registered
 * APIs; a scope belongs to one API and one identifier to one API; an API's scope is not taken away from the clients
 * holding it, by a PUT or by deleting the API.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopesAreDataTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    RegistryHttp http;

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
    }

    @Test
    void clientMayHoldScopesOfRegisteredApisOnly() {
        TestApis.Api api = TestApis.unique();
        Answer before = http.post("/clients", TestTokens.admin(), TestApis.clientWithScope("openid " + api.read()));
        assertEquals(400, before.status());
        assertEquals("invalid_client_metadata", before.error());
        assertTrue(before.description().startsWith("scope contains values that no registered API defines: "
                + api.read()), before.description());

        register(api);
        Answer after = http.post("/clients", TestTokens.admin(),
                TestApis.clientWithScope("openid profile email address phone offline_access " + api.read()));
        assertEquals(201, after.status(), after.body().toString());
    }

    @Test
    void refusalNamesEveryUnknownScopeAndNoKnownOne() {
        TestApis.Api api = TestApis.unique();
        register(api);
        Answer answer = http.post("/clients", TestTokens.admin(),
                TestApis.clientWithScope("openid zz.unknown " + api.read() + " aa.unknown"));
        assertEquals(400, answer.status());
        assertTrue(answer.description().contains("defines: aa.unknown zz.unknown ("), answer.description());
    }

    @Test
    void clientScopeThatIsNoScopeTokenIsRefused() {
        Answer answer = http.post("/clients", TestTokens.admin(), TestApis.clientWithScope("openid caf\\u00e9"));
        assertEquals(400, answer.status());
        assertEquals("invalid_client_metadata", answer.error());
        assertTrue(answer.description().startsWith("scope values must be RFC 6749 scope-tokens"), answer.description());
    }

    @Test
    void clientUpdateToAScopeOfNoApiIsRefused() {
        TestApis.Api api = TestApis.unique();
        register(api);
        String client = registerClient(api.read());
        Answer answer = http.put("/clients/" + client, TestTokens.admin(),
                TestApis.clientWithScope(api.read() + " " + api.read() + ".more"));
        assertEquals(400, answer.status());
        assertTrue(answer.description().contains("no registered API defines: " + api.read() + ".more"),
                answer.description());
    }

    @Test
    void scopeOfADeletedApiIsRefusedAgain() {
        TestApis.Api api = TestApis.unique();
        String id = register(api);
        assertEquals(204, http.delete("/apis/" + id, TestTokens.admin()).status());
        assertEquals(400, http.post("/clients", TestTokens.admin(), TestApis.clientWithScope(api.read())).status());
    }

    @Test
    void aScopeValueBelongsToOneApi() {
        TestApis.Api first = TestApis.unique();
        String firstId = register(first);
        TestApis.Api second = TestApis.unique();
        Answer taken = http.post("/apis", TestTokens.admin(), second.bodyWith(second.read(), first.write()));
        assertEquals(400, taken.status());
        assertEquals("invalid_request", taken.error());
        assertEquals("scope " + first.write() + " already belongs to API " + firstId
                + ": a scope value belongs to one API only", taken.description());

        String secondId = register(second);
        Answer moved = http.put("/apis/" + secondId, TestTokens.admin(), second.bodyWith(second.read(), first.read()));
        assertEquals(400, moved.status());
        assertTrue(moved.description().startsWith("scope " + first.read() + " already belongs to API " + firstId),
                moved.description());
    }

    @Test
    void anIdentifierBelongsToOneApi() {
        TestApis.Api api = TestApis.unique();
        String id = register(api);
        Answer again = http.post("/apis", TestTokens.admin(), TestApis.body(api.identifier(), api.read() + ".x"));
        assertEquals(400, again.status());
        assertEquals("identifier is already registered for API " + id, again.description());

        String otherId = register(TestApis.unique());
        Answer moved = http.put("/apis/" + otherId, TestTokens.admin(), TestApis.body(api.identifier()));
        assertEquals(400, moved.status());
        assertEquals("identifier is already registered for API " + id, moved.description());
        assertEquals(200, http.put("/apis/" + id, TestTokens.admin(), api.body()).status(), "its own identifier");
    }

    @Test
    void deletingAnApiWhoseScopeAClientHoldsIsRefusedNamingTheClient() {
        TestApis.Api api = TestApis.unique();
        String id = register(api);
        String client = registerClient("openid " + api.write());

        Answer refused = http.delete("/apis/" + id, TestTokens.admin());
        assertEquals(400, refused.status());
        assertEquals("invalid_request", refused.error());
        assertEquals("scope " + api.write() + " cannot be deleted with the API: registered clients hold it in their "
                + "scope (" + client + "); change their scope first", refused.description());
        assertEquals(200, http.get("/apis/" + id, TestTokens.admin()).status(), "still registered");

        assertEquals(200, http.put("/clients/" + client, TestTokens.admin(), TestApis.clientWithScope("openid")).status());
        assertEquals(204, http.delete("/apis/" + id, TestTokens.admin()).status(), "no client holds it any more");
    }

    @Test
    void deletingAClientFreesItsScopes() {
        TestApis.Api api = TestApis.unique();
        String id = register(api);
        String client = registerClient(api.read());
        assertEquals(204, http.delete("/clients/" + client, TestTokens.admin()).status());
        assertEquals(204, http.delete("/apis/" + id, TestTokens.admin()).status());
    }

    @Test
    void removingAScopeAClientHoldsIsRefusedAndRemovingAnUnusedOneIsNot() {
        TestApis.Api api = TestApis.unique();
        String id = register(api);
        String client = registerClient(api.read());

        Answer refused = http.put("/apis/" + id, TestTokens.admin(), api.bodyWith(api.write()));
        assertEquals(400, refused.status());
        assertEquals("scope " + api.read() + " cannot be removed from the API: registered clients hold it in their "
                + "scope (" + client + "); change their scope first", refused.description());
        assertEquals(List.of(id), ids("/apis?scope=" + api.read()), "nothing changed");

        Answer kept = http.put("/apis/" + id, TestTokens.admin(), api.bodyWith(api.read()).replace("Orders", "Renamed"));
        assertEquals(200, kept.status(), kept.body().toString());
        assertEquals("Renamed API", kept.string("name"));
        assertEquals(List.of(), ids("/apis?scope=" + api.write()), "the unused scope was removed");
    }

    @Test
    void refusalNamesAtMostTenClientsAndCountsTheRest() {
        TestApis.Api api = TestApis.unique();
        String id = register(api);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clients.add(registerClient(i % 2 == 0 ? api.read() : api.write()));
        }
        List<String> sorted = clients.stream().sorted().toList();

        Answer refused = http.delete("/apis/" + id, TestTokens.admin());
        assertEquals(400, refused.status());
        assertEquals("scopes " + api.read() + " " + api.write() + " cannot be deleted with the API: registered "
                + "clients hold them in their scope (" + String.join(", ", sorted.subList(0, 10)) + " and 2 more); "
                + "change their scope first", refused.description());
    }

    @Test
    void aScopeValueThatIsOnlyPartOfAClientsScopeValueIsNotHeld() {
        TestApis.Api api = TestApis.unique();
        TestApis.Api longer = TestApis.unique();
        String id = register(api);
        register(new TestApis.Api(longer.identifier(), api.read() + "_x", longer.write()));
        registerClient(api.read() + "_x");
        assertEquals(204, http.delete("/apis/" + id, TestTokens.admin()).status(), api.read() + "_x is not " + api.read());
    }

    @Test
    void scopeWithTheCharactersOfATextPatternIsFoundInTheClientsHoldingIt() {
        TestApis.Api api = TestApis.unique();
        String value = api.read() + "!%_[x]";
        String id = http.post("/apis", TestTokens.admin(), api.bodyWith(value)).string("id");
        String client = registerClient("openid " + value);
        Answer refused = http.delete("/apis/" + id, TestTokens.admin());
        assertEquals(400, refused.status(), refused.body().toString());
        assertTrue(refused.description().contains("(" + client + ")"), refused.description());
    }

    private String register(TestApis.Api api) {
        Answer created = http.post("/apis", TestTokens.admin(), api.body());
        assertEquals(201, created.status(), created.body().toString());
        return created.string("id");
    }

    private String registerClient(String scope) {
        Answer created = http.post("/clients", TestTokens.admin(), TestApis.clientWithScope(scope));
        assertEquals(201, created.status(), created.body().toString());
        return created.string("client_id");
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String path) {
        Answer answer = http.get(path, TestTokens.reader());
        List<java.util.Map<String, Object>> apis = (List<java.util.Map<String, Object>>) answer.body().get("apis");
        return apis == null ? List.of() : apis.stream().map(a -> (String) a.get("id")).toList();
    }
}
