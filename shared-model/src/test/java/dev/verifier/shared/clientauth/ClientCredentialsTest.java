package dev.verifier.shared.clientauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

    static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Refused with {@code invalid_client}, for {@code reason} (the audit trail's, the caller sees none). */
    static void assertInvalidClient(String reason, Runnable parse) {
        OAuthException e = assertThrows(OAuthException.class, parse::run);
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertEquals("client authentication failed", e.description());
        assertEquals(reason, e.reason());
    }

    static void assertInvalidRequest(String description, Runnable parse) {
        OAuthException e = assertThrows(OAuthException.class, parse::run);
        assertEquals(OAuthError.INVALID_REQUEST, e.error());
        assertTrue(e.description().startsWith(description), e.description());
    }

    @Test
    void basicCredentialsAreFormDecoded() {
        ClientCredentials c = ClientCredentials.parse(Map.of(), basic("my%3Aclient:s%2Bcret"));
        assertEquals("my:client", c.clientId());
        assertEquals("s+cret", c.secret());
        assertEquals(ClientCredentials.Kind.BASIC, c.kind());
    }

    @Test
    void postCredentials() {
        ClientCredentials c = ClientCredentials.parse(Map.of("client_id", "a", "client_secret", "b"), null);
        assertEquals(ClientCredentials.Kind.POST, c.kind());
        assertEquals("b", c.secret());
    }

    @Test
    void clientIdAloneIsAPublicClient() {
        assertEquals(ClientCredentials.Kind.NONE, ClientCredentials.parse(Map.of("client_id", "a"), null).kind());
    }

    @Test
    void basicWithAnEmptyPasswordOnlyNamesTheClient() {
        ClientCredentials c = ClientCredentials.parse(Map.of(), basic("my%3Aapp:"));
        assertEquals(ClientCredentials.Kind.NONE, c.kind());
        assertEquals("my:app", c.clientId());
        assertNull(c.secret());
    }

    @Test
    void twoMethodsAreInvalidRequest() {
        assertInvalidRequest("more than one client authentication method", () -> ClientCredentials.parse(
                Map.of("client_id", "a", "client_secret", "b"), basic("a:b")));
    }

    @Test
    void basicForAnotherClientThanTheFormIsInvalidRequest() {
        assertInvalidRequest("client_id does not match the Authorization header", () -> ClientCredentials.parse(
                Map.of("client_id", "other"), basic("a:b")));
    }

    @Test
    void malformedBasicOrMissingClientIdIsInvalidClient() {
        assertInvalidClient("basic_malformed", () -> ClientCredentials.parse(Map.of(), "Basic %%%"));
        assertInvalidClient("basic_malformed", () -> ClientCredentials.parse(Map.of(), basic("nocolon")));
        assertInvalidClient("client_id_missing", () -> ClientCredentials.parse(Map.of(), null));
    }

    @Test
    void assertionNeedsTheJwtBearerType() {
        assertInvalidRequest("client_assertion_type must be", () -> ClientCredentials.parse(
                Map.of("client_assertion", "x.y.z", "client_assertion_type", "urn:other"), null));
    }

    @Test
    void unparseableAssertionIsInvalidClient() {
        assertInvalidClient("assertion_malformed", () -> ClientCredentials.parse(
                Map.of("client_assertion", "garbage", "client_assertion_type", ClientCredentials.JWT_BEARER), null));
    }
}
