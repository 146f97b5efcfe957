package dev.verifier.shared.clientauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    static OAuthError error(Runnable parse) {
        return assertThrows(OAuthException.class, parse::run).error();
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
    void twoMethodsAreInvalidRequest() {
        assertEquals(OAuthError.INVALID_REQUEST, error(() -> ClientCredentials.parse(
                Map.of("client_id", "a", "client_secret", "b"), basic("a:b"))));
    }

    @Test
    void basicForAnotherClientThanTheFormIsInvalidRequest() {
        assertEquals(OAuthError.INVALID_REQUEST, error(() -> ClientCredentials.parse(
                Map.of("client_id", "other"), basic("a:b"))));
    }

    @Test
    void malformedBasicOrMissingClientIdIsInvalidClient() {
        assertEquals(OAuthError.INVALID_CLIENT, error(() -> ClientCredentials.parse(Map.of(), "Basic %%%")));
        assertEquals(OAuthError.INVALID_CLIENT, error(() -> ClientCredentials.parse(Map.of(), basic("nocolon"))));
        assertEquals(OAuthError.INVALID_CLIENT, error(() -> ClientCredentials.parse(Map.of(), null)));
    }

    @Test
    void assertionNeedsTheJwtBearerType() {
        assertEquals(OAuthError.INVALID_REQUEST, error(() -> ClientCredentials.parse(
                Map.of("client_assertion", "x.y.z", "client_assertion_type", "urn:other"), null)));
    }

    @Test
    void unparseableAssertionIsInvalidClient() {
        assertEquals(OAuthError.INVALID_CLIENT, error(() -> ClientCredentials.parse(
                Map.of("client_assertion", "garbage", "client_assertion_type", ClientCredentials.JWT_BEARER), null)));
    }
}
