package dev.verifier.shared.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import org.junit.jupiter.api.Test;

/** "Is this grant allowed for this client", with its edge cases, in the one place that decides it. */
class ClientGrantsTest {

    static RegisteredClient client(String authMethod, List<String> grantTypes) {
        ClientMetadata metadata = new ClientMetadata("c", List.of("https://app.example/cb"), grantTypes, null,
                authMethod, "openid", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
        return new RegisteredClient("c", metadata, null, null, false, Instant.EPOCH, Instant.EPOCH);
    }

    static ClientGrants grants(String authMethod, List<String> grantTypes) {
        return ClientGrants.of(client(authMethod, grantTypes));
    }

    @Test
    void absentOrEmptyGrantTypesMeanTheAuthorizationCodeGrant() {
        for (ClientGrants grants : List.of(grants("none", null), grants("none", List.of()))) {
            assertTrue(grants.allows(GrantType.AUTHORIZATION_CODE));
            assertTrue(grants.registers(GrantType.AUTHORIZATION_CODE));
            assertFalse(grants.registers(GrantType.REFRESH_TOKEN));
        }
    }

    @Test
    void aCodeClientMayRedeemRefreshTokensWithoutTheRefreshTokenGrant() {
        ClientGrants codeOnly = grants("none", List.of("authorization_code"));

        assertTrue(codeOnly.allows(GrantType.REFRESH_TOKEN));
        assertFalse(codeOnly.registers(GrantType.REFRESH_TOKEN), "but it is not registered for it");
    }

    @Test
    void aClientCredentialsClientMayNotUseTheCodeOrRefreshGrant() {
        ClientGrants service = grants("client_secret_basic", List.of("client_credentials"));

        assertTrue(service.allows(GrantType.CLIENT_CREDENTIALS));
        assertFalse(service.allows(GrantType.AUTHORIZATION_CODE));
        assertFalse(service.allows(GrantType.REFRESH_TOKEN));
        OAuthException refused = assertThrows(OAuthException.class, () -> service.require(GrantType.REFRESH_TOKEN));
        assertEquals(OAuthError.UNAUTHORIZED_CLIENT, refused.error());
        assertEquals("the client may not use grant_type refresh_token", refused.description());
    }

    @Test
    void clientCredentialsIsForConfidentialClientsWhateverIsRegistered() {
        ClientGrants publicClient = grants("none", List.of("authorization_code", "client_credentials"));

        assertFalse(publicClient.allows(GrantType.CLIENT_CREDENTIALS));
        OAuthException refused = assertThrows(OAuthException.class,
                () -> publicClient.require(GrantType.CLIENT_CREDENTIALS));
        assertEquals(OAuthError.UNAUTHORIZED_CLIENT, refused.error());
        assertEquals("client_credentials is for confidential clients", refused.description());
    }

    @Test
    void unknownGrantValuesAreIgnoredAndDoNotBringTheDefault() {
        ClientGrants unknownOnly = grants("client_secret_basic", List.of("urn:example:unknown"));

        assertFalse(unknownOnly.allows(GrantType.AUTHORIZATION_CODE));
        assertDoesNotThrow(() -> grants("client_secret_basic", List.of("urn:example:unknown", "client_credentials"))
                .require(GrantType.CLIENT_CREDENTIALS));
    }

    @Test
    void repeatedGrantValuesAreHarmless() {
        assertTrue(grants("none", List.of("authorization_code", "authorization_code")).allows(
                GrantType.AUTHORIZATION_CODE));
    }
}
