package dev.verifier.shared.clientauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.RegisteredClient;

/**
 * {@code client_secret_jwt} (RFC 7523, OIDC Core §9): an assertion MACed with HS256/384/512 under the client's secret,
 * which the registry stores encrypted. Any other {@code alg} ({@code none}, asymmetric) is refused.
 * The MAC is computed directly so that the 256-bit generated secret works for HS384/HS512 too.
 */
public final class ClientSecretJwtVerifier implements ClientAuthVerifier {

    private static final Map<JWSAlgorithm, String> MACS = Map.of(
            JWSAlgorithm.HS256, "HmacSHA256", JWSAlgorithm.HS384, "HmacSHA384", JWSAlgorithm.HS512, "HmacSHA512");

    @Override
    public ClientAuthMethod method() {
        return ClientAuthMethod.CLIENT_SECRET_JWT;
    }

    @Override
    public ClientCredentials.Kind kind() {
        return ClientCredentials.Kind.ASSERTION;
    }

    @Override
    public void verify(ClientCredentials credentials, RegisteredClient client, AuthenticationContext context) {
        var assertion = credentials.assertion();
        AssertionClaims.requireRegisteredAlgorithm(assertion, client);
        String macName = MACS.get(assertion.getHeader().getAlgorithm());
        if (macName == null) {
            throw ClientCredentials.invalidClient("alg_not_allowed");
        }
        if (client.secretCiphertext() == null) {
            throw ClientCredentials.invalidClient("no_secret");
        }
        byte[] expected;
        try {
            String secret = context.cipher().decrypt(client.secretCiphertext());
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), macName));
            expected = mac.doFinal(assertion.getSigningInput());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw ClientCredentials.invalidClient("secret_unreadable");
        }
        if (!MessageDigest.isEqual(expected, assertion.getSignature().decode())) {
            throw ClientCredentials.invalidClient("signature_invalid");
        }
        AssertionClaims.check(assertion, client.clientId(), context);
    }
}
