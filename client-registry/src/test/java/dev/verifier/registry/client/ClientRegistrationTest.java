package dev.verifier.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestClients;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.SecretsCipher;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Registering, reading, replacing, deleting clients and rotating secrets through the admin API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRegistrationTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    SecretsCipher cipher;
    RegistryHttp http;
    String admin;

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
        admin = TestTokens.admin();
    }

    @Test
    void publicSpaIsRegisteredWithoutSecret() {
        Answer created = http.post("/clients", admin, TestClients.publicSpa());
        assertEquals(201, created.status(), created.body().toString());
        assertEquals("no-store", created.header("Cache-Control"));
        assertNotNull(created.string("client_id"));
        assertFalse(created.body().containsKey("client_secret"));
        assertEquals("none", created.string("token_endpoint_auth_method"));
        assertEquals(List.of("authorization_code", "refresh_token"), created.body().get("grant_types"));
        assertEquals("web", created.string("application_type"));
        assertTrue(((Number) created.body().get("client_id_issued_at")).longValue() > 0);
    }

    @Test
    void basicSecretIsReturnedOnceAndVerifiesAgainstTheStoredHash() {
        Answer created = http.post("/clients", admin, TestClients.confidentialBasic());
        String id = created.string("client_id");
        String secret = created.string("client_secret");
        assertTrue(secret.length() >= 43, "256-bit secret in base64url");
        assertEquals(0, ((Number) created.body().get("client_secret_expires_at")).intValue());

        assertFalse(http.get("/clients/" + id, admin).body().containsKey("client_secret"));
        assertFalse(http.get("/clients?page=0&size=100", admin).raw().body().contains(secret));
        Map<String, Object> internal = http.get("/clients/" + id, TestTokens.reader()).body();
        assertFalse(internal.toString().contains(secret));
        assertTrue(ClientSecrets.matches(secret, (String) internal.get("secret_hash")));
        assertNull(internal.get("secret_ciphertext"));
    }

    @Test
    void clientSecretJwtSecretIsStoredEncryptedAndDecryptsToTheOriginal() {
        Answer created = http.post("/clients", admin, TestClients.secretJwt("https://jar.example/jwks"));
        assertEquals(201, created.status(), created.body().toString());
        String secret = created.string("client_secret");
        Map<String, Object> internal = http.get("/clients/" + created.string("client_id"), TestTokens.reader()).body();
        String ciphertext = (String) internal.get("secret_ciphertext");
        assertFalse(ciphertext.contains(secret));
        assertEquals(secret, cipher.decrypt(ciphertext));
        assertNull(internal.get("secret_hash"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) internal.get("metadata");
        assertEquals(List.of("https://jar.example/requests/1"), metadata.get("request_uris"));
        assertEquals("https://jar.example/jwks", metadata.get("jwks_uri"));
    }

    @Test
    void adminOnlyReadShowsTheRfc7592ViewWithoutSecretMaterial() {
        String id = http.post("/clients", admin, TestClients.confidentialBasic()).string("client_id");
        Map<String, Object> view = http.get("/clients/" + id, admin).body();
        assertEquals(id, view.get("client_id"));
        assertEquals("Web app", view.get("client_name"));
        assertFalse(view.containsKey("secret_hash") || view.containsKey("client_secret")
                || view.containsKey("secret_ciphertext") || view.containsKey("metadata"), view.toString());
    }

    @Test
    void anonymousCallerGetsNoClientData() {
        String id = http.post("/clients", admin, TestClients.confidentialBasic()).string("client_id");
        Answer answer = http.get("/clients/" + id, null);
        assertEquals(401, answer.status());
        assertFalse(answer.raw().body().contains("sha256:"));
    }

    @Test
    void unknownFieldsAreIgnoredAndNotStored() {
        String body = TestClients.publicSpa().replace("{", "{\"software_statement_x\": \"evil\", \"client_secret\": \"mine\",");
        Answer created = http.post("/clients", admin, body);
        assertEquals(201, created.status(), created.body().toString());
        String raw = http.get("/clients/" + created.string("client_id"), TestTokens.reader()).raw().body();
        assertFalse(raw.contains("software_statement_x") || raw.contains("mine"), raw);
    }

    @Test
    void firstPartyFlagIsSetByTheAdminAndReadByOtherServices() {
        String body = TestClients.publicSpa().replace("{", "{\"verifier_first_party\": true,");
        Answer created = http.post("/clients", admin, body);
        assertEquals(true, created.body().get("verifier_first_party"));
        Map<String, Object> internal = http.get("/clients/" + created.string("client_id"), TestTokens.reader()).body();
        assertEquals(true, internal.get("first_party"));
        assertEquals(false, http.post("/clients", admin, TestClients.publicSpa()).body().get("verifier_first_party"));
    }

    @Test
    void firstPartyFlagMustBeBoolean() {
        Answer answer = http.post("/clients", admin, TestClients.publicSpa().replace("{", "{\"verifier_first_party\": \"yes\","));
        assertEquals(400, answer.status());
        assertEquals("invalid_client_metadata", answer.error());
        assertEquals("verifier_first_party must be a boolean", answer.description());
    }

    @Test
    void putReplacesTheMetadataAndKeepsASecretOfTheSameKind() {
        Answer created = http.post("/clients", admin, TestClients.confidentialBasic());
        String id = created.string("client_id");
        String secret = created.string("client_secret");
        String body = TestClients.confidentialBasic().replace("Web app", "Renamed")
                .replace("client_secret_basic", "client_secret_post").replace("{", "{\"client_id\": \"" + id + "\",");
        Answer updated = http.put("/clients/" + id, admin, body);
        assertEquals(200, updated.status(), updated.body().toString());
        assertEquals("Renamed", updated.string("client_name"));
        assertFalse(updated.body().containsKey("client_secret"));
        Map<String, Object> internal = http.get("/clients/" + id, TestTokens.reader()).body();
        assertTrue(ClientSecrets.matches(secret, (String) internal.get("secret_hash")));
    }

    @Test
    void putSwitchingToClientSecretJwtIssuesANewEncryptedSecretOnce() {
        String id = http.post("/clients", admin, TestClients.confidentialBasic()).string("client_id");
        Answer updated = http.put("/clients/" + id, admin, TestClients.secretJwt("https://jar.example/jwks"));
        String secret = updated.string("client_secret");
        assertNotNull(secret);
        Map<String, Object> internal = http.get("/clients/" + id, TestTokens.reader()).body();
        assertNull(internal.get("secret_hash"));
        assertEquals(secret, cipher.decrypt((String) internal.get("secret_ciphertext")));
    }

    @Test
    void putWithAnotherClientIdInTheBodyIsRefused() {
        String id = http.post("/clients", admin, TestClients.confidentialBasic()).string("client_id");
        Answer answer = http.put("/clients/" + id, admin, TestClients.confidentialBasic().replace("{", "{\"client_id\": \"other\","));
        assertEquals(400, answer.status());
        assertEquals("invalid_client_metadata", answer.error());
        assertEquals("client_id in the body does not match the URL", answer.description());
    }

    @Test
    void rotationReturnsANewSecretOnceAndTheOldOneNoLongerVerifies() {
        Answer created = http.post("/clients", admin, TestClients.confidentialBasic());
        String id = created.string("client_id");
        Answer rotated = http.post("/clients/" + id + "/secret", admin, null);
        assertEquals(200, rotated.status(), rotated.body().toString());
        String newSecret = rotated.string("client_secret");
        assertNotEquals(created.string("client_secret"), newSecret);
        String hash = (String) http.get("/clients/" + id, TestTokens.reader()).body().get("secret_hash");
        assertTrue(ClientSecrets.matches(newSecret, hash));
        assertFalse(ClientSecrets.matches(created.string("client_secret"), hash));
        assertFalse(http.get("/clients/" + id, admin).raw().body().contains(newSecret));
    }

    @Test
    void concurrentUpdatesAndRotationsLoseNoRotatedSecret() throws Exception {
        String id = http.post("/clients", admin, TestClients.confidentialBasic()).string("client_id");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Answer>> rotations = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                if (i % 2 == 0) {
                    rotations.add(pool.submit(() -> http.post("/clients/" + id + "/secret", admin, null)));
                } else {
                    pool.submit(() -> http.put("/clients/" + id, admin, TestClients.confidentialBasic()));
                }
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        String hash = (String) http.get("/clients/" + id, TestTokens.reader()).body().get("secret_hash");
        long matching = 0;
        for (java.util.concurrent.Future<Answer> rotation : rotations) {
            Answer answer = rotation.get();
            assertEquals(200, answer.status(), answer.body().toString());
            matching += ClientSecrets.matches(answer.string("client_secret"), hash) ? 1 : 0;
        }
        assertEquals(1, matching, "the stored secret is the one the last rotation returned");
    }

    @Test
    void publicClientHasNoSecretToRotate() {
        String id = http.post("/clients", admin, TestClients.publicSpa()).string("client_id");
        Answer answer = http.post("/clients/" + id + "/secret", admin, null);
        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.error());
        assertEquals("a none client has no secret to rotate", answer.description());
    }

    @Test
    void deletedClientIsGone() {
        String id = http.post("/clients", admin, TestClients.publicSpa()).string("client_id");
        assertEquals(204, http.delete("/clients/" + id, admin).status());
        Answer answer = http.get("/clients/" + id, TestTokens.reader());
        assertEquals(404, answer.status());
        assertEquals("not_found", answer.error());
        assertEquals(404, http.delete("/clients/" + id, admin).status());
    }

    @Test
    void listIsPaged() {
        for (int i = 0; i < 3; i++) {
            http.post("/clients", admin, TestClients.publicSpa());
        }
        Answer page = http.get("/clients?page=0&size=2", admin);
        assertEquals(200, page.status());
        assertEquals(2, ((List<?>) page.body().get("clients")).size());
        assertTrue(((Number) page.body().get("total")).intValue() >= 3);
        Answer bad = http.get("/clients?page=0&size=1000", admin);
        assertEquals(400, bad.status());
        assertEquals("invalid_request", bad.error());
        assertTrue(bad.description().startsWith("page must be >= 0 and size 1.."), bad.description());
    }

    @Test
    void malformedJsonIsInvalidClientMetadataNot500() {
        String notMetadata = "the body is not a JSON object of client metadata with values of the right types";
        Answer answer = http.post("/clients", admin, "{not json");
        assertEquals(400, answer.status());
        assertEquals("invalid_client_metadata", answer.error());
        assertEquals(notMetadata, answer.description());
        Answer wrongType = http.post("/clients", admin, "{\"redirect_uris\": \"https://a.example/cb\"}");
        assertEquals(400, wrongType.status());
        assertEquals("invalid_client_metadata", wrongType.error());
        assertEquals(notMetadata, wrongType.description());
    }
}
