package dev.verifier.shared.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code require_signed_request_object} and {@code require_pkce} as the services read them from stored or sent
 * metadata: absent (a client registered by an earlier release) means "not required" and "required".
 */
class ClientMetadataSwitchesTest {

    private final JsonMapper json = JsonMapper.createDefault();

    private ClientMetadata read(String body) throws IOException {
        return json.readValue(body, ClientMetadata.class);
    }

    @Test
    void metadataOfAnEarlierReleaseRequiresPkceButNoRequestObject() throws IOException {
        ClientMetadata old = read("{\"redirect_uris\": [\"https://a.example/cb\"], \"request_object_signing_alg\": "
                + "\"RS256\", \"token_endpoint_auth_method\": \"client_secret_basic\"}");

        assertFalse(old.requiresSignedRequestObject(), "request_object_signing_alg alone only fixes the algorithm");
        assertTrue(old.requiresPkce());
    }

    @Test
    void theSwitchesAreReadAsRegistered() throws IOException {
        ClientMetadata strict = read("{\"require_signed_request_object\": true, \"require_pkce\": false}");
        ClientMetadata relaxed = read("{\"require_signed_request_object\": false, \"require_pkce\": true}");

        assertTrue(strict.requiresSignedRequestObject());
        assertFalse(strict.requiresPkce());
        assertFalse(relaxed.requiresSignedRequestObject());
        assertTrue(relaxed.requiresPkce());
    }
}
