package dev.verifier.shared.clientauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import org.junit.jupiter.api.Test;

/** The verifiers without a server: method matching, secrets, and the assertion checks with an in-memory jti store. */
class ClientAuthenticatorTest {

    static final String AUD = "https://as.example/token";
    static final SecretsCipher CIPHER = SecretsCipher.fromKeyRing(SecretsCipher.newKeyRingEntry("t"));

    final Set<String> used = new HashSet<>();
    final Map<String, Instant> keptUntil = new java.util.HashMap<>();
    final AuthenticationContext context = new AuthenticationContext(Set.of(AUD), Duration.ofMinutes(5),
            Duration.ofSeconds(60), Clock.systemUTC(), (client, jti, exp) -> {
                keptUntil.put(jti, exp);
                return used.add(client + " " + jti);
            }, (client, kid, refresh) -> Optional.empty(), CIPHER);
    final ClientAuthenticator authenticator = ClientAuthenticator.standard();

    static RegisteredClient client(String id, String method, String hash, String ciphertext) {
        return client(id, method, hash, ciphertext, null);
    }

    static RegisteredClient client(String id, String method, String hash, String ciphertext, String signingAlg) {
        ClientMetadata metadata = new ClientMetadata(null, List.of(), List.of(), List.of(), method, null, null, null,
                null, null, signingAlg, null, null, null, null, null, null, null, null, null);
        return new RegisteredClient(id, metadata, hash, ciphertext, false, Instant.now(), Instant.now());
    }

    RegisteredClient authenticate(ClientCredentials credentials, RegisteredClient client) {
        return authenticator.authenticate(credentials, id -> Optional.of(client).filter(c -> c.clientId().equals(id)),
                context);
    }

    static String hs256(String secret, JWTClaimsSet claims) throws Exception {
        String input = new JWSHeader(JWSAlgorithm.HS256).toBase64URL() + "."
                + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + Base64URL.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static JWTClaimsSet claims(String id, String jti) {
        return new JWTClaimsSet.Builder().issuer(id).subject(id).audience(AUD).jwtID(jti)
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build();
    }

    /** Refused with {@code invalid_client}; answers the check that failed (the audit trail's reason). */
    static String reason(Runnable r) {
        OAuthException e = assertThrows(OAuthException.class, r::run);
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        return e.reason();
    }

    @Test
    void duplicateVerifiersAreRefusedAtConstruction() {
        assertThrows(IllegalStateException.class,
                () -> new ClientAuthenticator(List.of(new NoneVerifier(), new NoneVerifier())));
    }

    @Test
    void secretBasicSucceedsOnlyWithTheRightSecretSentEitherWay() {
        String secret = ClientSecrets.generate();
        RegisteredClient c = client("c", "client_secret_basic", ClientSecrets.hash(secret), null);
        assertEquals(c, authenticate(new ClientCredentials("c", ClientCredentials.Kind.BASIC, secret, null), c));
        assertEquals("secret_mismatch", reason(() -> authenticate(
                new ClientCredentials("c", ClientCredentials.Kind.BASIC, secret + "x", null), c)));
        // one secret sent two ways: the body as well as Basic
        assertEquals(c, authenticate(new ClientCredentials("c", ClientCredentials.Kind.POST, secret, null), c));
        assertEquals("secret_mismatch", reason(() -> authenticate(
                new ClientCredentials("c", ClientCredentials.Kind.POST, secret + "x", null), c)));
        assertEquals("method_mismatch", reason(() -> authenticate(
                new ClientCredentials("c", ClientCredentials.Kind.NONE, null, null), c)));
    }

    @Test
    void clientSecretJwtVerifiesOnceThenTheJtiIsAReplay() throws Exception {
        String secret = ClientSecrets.generate();
        RegisteredClient c = client("c", "client_secret_jwt", null, CIPHER.encrypt(secret));
        var credentials = ClientCredentials.parse(Map.of("client_assertion", hs256(secret, claims("c", "j1")),
                "client_assertion_type", ClientCredentials.JWT_BEARER), null);

        assertEquals(c, authenticate(credentials, c));
        assertEquals("jti_reused", reason(() -> authenticate(credentials, c)));
    }

    @Test
    void jtiIsKeptUntilTheAssertionCanNoLongerBeAcceptedItsExpPlusTheSkew() throws Exception {
        String secret = ClientSecrets.generate();
        RegisteredClient c = client("c", "client_secret_jwt", null, CIPHER.encrypt(secret));
        JWTClaimsSet claims = claims("c", "j-kept");
        authenticate(ClientCredentials.parse(Map.of("client_assertion", hs256(secret, claims),
                "client_assertion_type", ClientCredentials.JWT_BEARER), null), c);

        assertEquals(claims.getExpirationTime().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusSeconds(60), keptUntil.get("j-kept"));
    }

    @Test
    void overlongJtiIsInvalidClientAndNotStored() throws Exception {
        String secret = ClientSecrets.generate();
        RegisteredClient c = client("c", "client_secret_jwt", null, CIPHER.encrypt(secret));
        String jti = "j".repeat(256);
        var credentials = ClientCredentials.parse(Map.of("client_assertion", hs256(secret, claims("c", jti)),
                "client_assertion_type", ClientCredentials.JWT_BEARER), null);

        assertEquals("jti_invalid", reason(() -> authenticate(credentials, c)));
        assertTrue(used.isEmpty(), "nothing reached the store");
    }

    @Test
    void registeredSigningAlgorithmIsEnforced() throws Exception {
        String secret = ClientSecrets.generate();
        RegisteredClient c = client("c", "client_secret_jwt", null, CIPHER.encrypt(secret), "HS512");
        var credentials = ClientCredentials.parse(Map.of("client_assertion", hs256(secret, claims("c", "j2")),
                "client_assertion_type", ClientCredentials.JWT_BEARER), null);

        assertEquals("alg_not_registered", reason(() -> authenticate(credentials, c)));
    }

    @Test
    void unknownClientIsInvalidClient() {
        RegisteredClient c = client("c", "none", null, null);
        assertEquals("unknown_client", reason(() -> authenticate(
                new ClientCredentials("other", ClientCredentials.Kind.NONE, null, null), c)));
    }
}
