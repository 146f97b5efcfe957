package dev.verifier.stack.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A second independent relying party beside Nimbus: oauth4webapi (OpenID-certified, and stricter than Nimbus about
 * response headers, content types, RFC 9207's {@code iss}, RFC 9068's {@code at+jwt} and DPoP nonces) drives every
 * flow the stack offers a client, through Node ({@code src/test/node/rp-interop/interop.mjs}, its versions pinned in
 * that folder's package-lock.json and installed by {@code npm ci} on first use). Each step's answers are checked by
 * the library's own processing; the test needs every step below to print {@code ok}, on H2 and on PostgreSQL. One step
 * runs openid-client 6, built on oauth4webapi, with its defaults.
 */
class OAuth4WebApiInteropTest {

    private static final Path PROJECT = Path.of("src/test/node/rp-interop");

    /** The script's steps, each of which must pass (a step skipped because an earlier one failed is missing). */
    static final List<String> STEPS = List.of(
            "public client: authorization code + PKCE, ID token validated",
            "ID token carries auth_time and sid",
            "userinfo",
            "access token validated as an RFC 9068 resource server",
            "refresh with rotation",
            "the rotated-out refresh token refused (invalid_grant)",
            "revocation by a public client",
            "end_session_endpoint with id_token_hint and post_logout_redirect_uri",
            "an error redirect carries iss (RFC 9207) and the error",
            "a code used twice: invalid_grant, and the tokens of its first use revoked",
            "a registered redirect URI with a query keeps it; unknown and optional parameters are accepted",
            "client_secret_jwt: authorization code flow",
            "client_secret_jwt: pushed authorization request (PAR)",
            "client_secret_jwt: client_credentials",
            "introspection",
            "revocation by a confidential client",
            "ES256 ID token (id_token_signed_response_alg) with client_secret_basic",
            "private_key_jwt: signed request object (JAR)",
            "private_key_jwt: signed request object pushed (PAR + JAR)",
            "DPoP: code flow through PAR, tokens bound to the key",
            "DPoP: userinfo",
            "DPoP: refresh",
            "DPoP: resource-api",
            "openid-client 6 with its defaults (client_secret_post) for a client_secret_basic client",
            "device authorization grant: started, then authorization_pending");

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyFlowPassesTheCertifiedLibrarysOwnChecks(Database database) throws Exception {
        VerifierStack stack = VerifierStack.on(database);
        install();

        RelyingPartyRun.against(stack, PROJECT, List.of("node", "interop.mjs"), Map.of(), 180)
                .assertPassed(STEPS, database.toString());
    }

    /** The pinned packages of package-lock.json, once ({@code npm ci} needs the npm registry). */
    private static synchronized void install() throws IOException, InterruptedException {
        if (!Files.isDirectory(PROJECT.resolve("node_modules/oauth4webapi"))
                || !Files.isDirectory(PROJECT.resolve("node_modules/openid-client"))) {
            RelyingPartyRun install = RelyingPartyRun.run(PROJECT, List.of("npm", "ci", "--no-audit", "--no-fund"),
                    Map.of(), 300);
            assertEquals(0, install.exit(), "npm ci in " + PROJECT + ":\n" + install.output());
        }
    }
}
