package dev.verifier.shared.clientauth;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
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
            throw ClientCredentials.invalidClient();
        }
        List<JWK> candidates = candidates(client.clientId(), header, context, false);
        if (candidates.isEmpty()) {
            candidates = candidates(client.clientId(), header, context, true);
        }
        for (JWK key : candidates) {
            if (verifies(assertion, key)) {
                AssertionClaims.check(assertion, client.clientId(), context);
                return;
            }
        }
        throw ClientCredentials.invalidClient();
    }

    private static List<JWK> candidates(String clientId, JWSHeader header, AuthenticationContext context,
                                        boolean refresh) {
        Optional<JWKSet> keys = context.keys().keys(clientId, header.getKeyID(), refresh);
        JWKMatcher matcher = new JWKMatcher.Builder()
                .keyType(com.nimbusds.jose.jwk.KeyType.forAlgorithm(header.getAlgorithm()))
                .keyID(header.getKeyID())
                .keyUses(KeyUse.SIGNATURE, null)
                .build();
        return keys.map(set -> new JWKSelector(matcher).select(set)).orElse(List.of());
    }

    private static boolean verifies(com.nimbusds.jwt.SignedJWT assertion, JWK key) {
        try {
            JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa)
                    : key instanceof ECKey ec ? new ECDSAVerifier(ec) : null;
            return verifier != null && assertion.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }
}
