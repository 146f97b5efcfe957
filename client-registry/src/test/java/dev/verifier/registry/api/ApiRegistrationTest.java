package dev.verifier.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.registry.support.Concurrently;
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

/** {@code /apis}: register, read, list, look up, replace and delete an API over real HTTP. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRegistrationTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    RegistryHttp http;

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
    }

    @Test
    void registerAnswers201WithTheStoredApiAndAnId() {
        TestApis.Api api = TestApis.unique();
        Answer created = http.post("/apis", TestTokens.admin(), api.body());

        assertEquals(201, created.status(), created.body().toString());
        assertEquals("no-store", created.header("Cache-Control"));
        assertNotNull(created.string("id"));
        assertEquals(api.identifier(), created.string("identifier"));
        assertEquals("Orders API", created.string("name"));
        assertEquals(List.of(Map.of("value", api.read(), "description", "Use " + api.read()),
                Map.of("value", api.write(), "description", "Use " + api.write())), created.body().get("scopes"));
        assertEquals(600, ((Number) created.body().get("access_token_lifetime")).intValue());
        assertEquals(true, created.body().get("allow_client_credentials"));
        assertEquals(true, created.body().get("allow_user_tokens"));

        Answer read = http.get("/apis/" + created.string("id"), TestTokens.admin());
        assertEquals(200, read.status());
        assertEquals(created.body(), read.body());
    }

    @Test
    void omittedFieldsTakeTheirDefaultsAndUnknownFieldsAreDropped() {
        TestApis.Api api = TestApis.unique();
        Answer created = http.post("/apis", TestTokens.admin(), """
                {"identifier": "%s", "name": "Minimal", "color": "blue",
                 "scopes": [{"value": "%s", "icon": "x"}]}""".formatted(api.identifier(), api.read()));

        assertEquals(201, created.status(), created.body().toString());
        assertEquals(false, created.body().get("allow_client_credentials"), "machine access is opt-in");
        assertEquals(true, created.body().get("allow_user_tokens"));
        assertNull(created.body().get("access_token_lifetime"), "token-service's default lifetime");
        assertFalse(created.body().containsKey("color"));
        assertEquals(List.of(Map.of("value", api.read())), created.body().get("scopes"));
    }

    @Test
    void listAnswersPagesInRegistrationOrder() {
        String first = register(TestApis.unique());
        String second = register(TestApis.unique());
        Answer all = http.get("/apis?size=100", TestTokens.admin());
        assertEquals(200, all.status(), all.body().toString());
        List<String> ids = apis(all).stream().map(a -> (String) a.get("id")).toList();
        assertTrue(ids.indexOf(first) >= 0 && ids.indexOf(first) < ids.indexOf(second), ids.toString());
        assertEquals(100, all.body().get("size"));

        Answer page = http.get("/apis?page=0&size=1", TestTokens.admin());
        assertEquals(1, apis(page).size());
        assertTrue(((Number) page.body().get("total")).intValue() >= 2);
        assertEquals(400, http.get("/apis?size=101", TestTokens.admin()).status());
        assertEquals(400, http.get("/apis?page=-1", TestTokens.admin()).status());
    }

    @Test
    void lookupByIdentifierAndByScopeAnswersTheOneApiOrNone() {
        TestApis.Api api = TestApis.unique();
        String id = register(api);

        assertEquals(List.of(id), ids(http.get("/apis?identifier=" + api.identifier(), TestTokens.reader())));
        assertEquals(List.of(id), ids(http.get("/apis?scope=" + api.write(), TestTokens.reader())));
        assertEquals(List.of(), ids(http.get("/apis?scope=nobody.has.this", TestTokens.reader())));
        assertEquals(List.of(), ids(http.get("/apis?identifier=https://none.example", TestTokens.reader())));
        assertEquals(List.of(), ids(http.get("/apis?scope=openid", TestTokens.reader())), "OIDC scopes are no API's");
        Answer both = http.get("/apis?scope=a&identifier=https://a.example", TestTokens.reader());
        assertEquals(400, both.status());
        assertEquals("invalid_request", both.error());
    }

    @Test
    void putReplacesTheWholeApiAndKeepsItsIdAndCreationTime() {
        TestApis.Api api = TestApis.unique();
        Answer created = http.post("/apis", TestTokens.admin(), api.body());
        String id = created.string("id");
        String other = TestApis.unique().read();

        Answer replaced = http.put("/apis/" + id, TestTokens.admin(), """
                {"id": "%s", "identifier": "%s/v2", "name": "Orders v2", "scopes": [{"value": "%s"}, {"value": "%s"}],
                 "allow_user_tokens": false}""".formatted(id, api.identifier(), api.read(), other));

        assertEquals(200, replaced.status(), replaced.body().toString());
        assertEquals(id, replaced.string("id"));
        assertEquals(api.identifier() + "/v2", replaced.string("identifier"));
        assertEquals(List.of(Map.of("value", api.read()), Map.of("value", other)), replaced.body().get("scopes"));
        assertEquals(false, replaced.body().get("allow_user_tokens"));
        assertEquals(false, replaced.body().get("allow_client_credentials"), "full replace: omitted means default");
        assertNull(replaced.body().get("access_token_lifetime"));
        assertEquals(created.body().get("created_at"), replaced.body().get("created_at"));
        assertEquals(List.of(), ids(http.get("/apis?scope=" + api.write(), TestTokens.reader())), "removed scope is free");
        assertEquals(List.of(id), ids(http.get("/apis?scope=" + other, TestTokens.reader())));
    }

    @Test
    void putWithAnotherIdInTheBodyIsRefused() {
        String id = register(TestApis.unique());
        Answer answer = http.put("/apis/" + id, TestTokens.admin(),
                "{\"id\": \"someone-else\"," + TestApis.unique().body().substring(1));
        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.error());
        assertEquals("id in the body does not match the URL", answer.description());
    }

    @Test
    void deleteRemovesTheApiAndFreesItsIdentifierAndScopes() {
        TestApis.Api api = TestApis.unique();
        String id = register(api);
        Answer deleted = http.delete("/apis/" + id, TestTokens.admin());
        assertEquals(204, deleted.status());
        assertEquals("no-store", deleted.header("Cache-Control"));
        assertEquals(404, http.get("/apis/" + id, TestTokens.admin()).status());
        assertEquals(404, http.delete("/apis/" + id, TestTokens.admin()).status());
        assertEquals(201, http.post("/apis", TestTokens.admin(), api.body()).status(), "identifier and scopes free again");
    }

    @Test
    void unknownApiAnswers404NotFound() {
        for (Answer answer : List.of(http.get("/apis/nope", TestTokens.admin()),
                http.put("/apis/nope", TestTokens.admin(), TestApis.unique().body()),
                http.delete("/apis/nope", TestTokens.admin()))) {
            assertEquals(404, answer.status());
            assertEquals("not_found", answer.error());
        }
    }

    @Test
    void concurrentRegistrationsOfOneIdentifierOrOneScopeGiveOneApiAndNoServerError() throws Exception {
        TestApis.Api api = TestApis.unique();
        List<Integer> sameIdentifier = Concurrently.run(6, i -> http.post("/apis", TestTokens.admin(),
                TestApis.body(api.identifier(), api.read() + "." + i)).status());
        assertEquals(List.of(1L, 5L), List.of(sameIdentifier.stream().filter(s -> s == 201).count(),
                sameIdentifier.stream().filter(s -> s == 400).count()), sameIdentifier.toString());

        List<Integer> sameScope = Concurrently.run(6, i -> http.post("/apis", TestTokens.admin(),
                TestApis.body(TestApis.unique().identifier(), api.write())).status());
        assertEquals(List.of(1L, 5L), List.of(sameScope.stream().filter(s -> s == 201).count(),
                sameScope.stream().filter(s -> s == 400).count()), sameScope.toString());
    }

    private String register(TestApis.Api api) {
        Answer created = http.post("/apis", TestTokens.admin(), api.body());
        assertEquals(201, created.status(), created.body().toString());
        return created.string("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> apis(Answer answer) {
        return (List<Map<String, Object>>) answer.body().get("apis");
    }

    private static List<String> ids(Answer answer) {
        assertEquals(200, answer.status(), answer.body().toString());
        List<Map<String, Object>> apis = apis(answer);
        return apis == null ? List.of() : apis.stream().map(a -> (String) a.get("id")).toList();
    }
}
