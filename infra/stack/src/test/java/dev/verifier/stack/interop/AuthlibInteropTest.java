package dev.verifier.stack.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Python's Authlib (Debian's python3-authlib) as a relying party and a resource server
 * ({@code src/test/python/rp-interop/authlib_interop.py}, run by Debian's {@code /usr/bin/python3}): every client
 * authentication method, with Authlib's stock {@code ClientSecretJWT} and {@code PrivateKeyJWT} (assertions that live
 * an hour and, at introspection and revocation, name the endpoint they are posted to), PAR, a request object, device
 * authorization and the error answers Authlib reads. Every step must print {@code ok}, on H2 and on PostgreSQL.
 */
class AuthlibInteropTest {

    private static final Path SCRIPT = Path.of("src/test/python/rp-interop");

    static final List<String> STEPS = steps();

    private static List<String> steps() {
        List<String> steps = new ArrayList<>(List.of(
                "discovery",
                "public: code flow with PKCE S256, ID token validated",
                "public: userinfo",
                "public: access token is an RFC 9068 JWT",
                "public: resource-api /api/me",
                "public: refresh with rotation, old refresh token invalid_grant",
                "public: end_session redirects back with state",
                "public: revocation of a refresh token",
                "error redirect carries error and iss (RFC 9207)",
                "code used twice: invalid_grant, first tokens revoked"));
        for (String method : List.of("client_secret_basic", "client_secret_post", "client_secret_jwt",
                "private_key_jwt RS256", "private_key_jwt ES256")) {
            for (String step : List.of("code flow, ID token validated", "client_credentials", "introspection",
                    "revocation")) {
                steps.add(method + ": " + step);
            }
        }
        steps.addAll(List.of(
                "client_secret_jwt with aud = introspection/revocation endpoint",
                "PAR with client_secret_jwt",
                "PAR with private_key_jwt",
                "signed request object (RS256) by value",
                "device authorization: authorization_pending",
                "wrong secret (Basic): 401 invalid_client with Basic challenge",
                "wrong secret (post): 401 invalid_client",
                "resource-api without token: bare Bearer challenge",
                "resource-api with a bad token: invalid_token"));
        return List.copyOf(steps);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyFlowPassesAuthlibsOwnChecks(Database database) throws Exception {
        VerifierStack stack = VerifierStack.on(database);

        RelyingPartyRun.against(stack, SCRIPT, List.of("/usr/bin/python3", "authlib_interop.py"), Map.of(), 180)
                .assertPassed(STEPS, database.toString());
    }
}
