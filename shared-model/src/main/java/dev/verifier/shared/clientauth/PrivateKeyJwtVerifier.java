package dev.verifier.shared.clientauth;

import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.RegisteredClient;

/**
 * {@code private_key_jwt} (RFC 7523, OIDC Core §9): an assertion signed with one of the client's registered
 * asymmetric keys (RS/PS/ES). HMAC and {@code none} are refused, so a public key can never serve as an HMAC secret.
 * A {@code kid} not in the cached JWKS triggers one refetch.
 */
public final class PrivateKeyJwtVerifier implements ClientAuthVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    @Override
    public ClientAuthMethod method() {
        return ClientAuthMethod.PRIVATE_KEY_JWT;
    }

    @Override
    public ClientCredentials.Kind kind() {
        return ClientCredentials.Kind.ASSERTION;
    }

    @Override
    public void verify(ClientCredentials credentials, RegisteredClient client, AuthenticationContext context) {
        var assertion = credentials.assertion();
        AssertionClaims.requireRegisteredAlgorithm(assertion, client);
        JWSHeader header = assertion.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw ClientCredentials.invalidClient("alg_not_allowed");
        }
        if (!ClientSignatures.verify(assertion, client.clientId(), context.keys())) {
            throw ClientCredentials.invalidClient("signature_invalid");
        }
        AssertionClaims.check(assertion, client.clientId(), context);
    }
}
