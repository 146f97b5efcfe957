package dev.verifier.stack.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Go's relying-party libraries as Debian packages them, coreos/go-oidc v2 and golang.org/x/oauth2, through the flows a
 * Go relying party uses ({@code src/test/go/rp-interop/main.go}, built by {@code go run} in GOPATH mode against
 * {@code /usr/share/gocode}). Among them: x/oauth2's default auth-style detection, which names a public client in a
 * Basic header with an empty password on its first attempt; the ID token verified with ES256 as the only algorithm;
 * refresh through a {@code TokenSource}. Every step must print {@code ok}, on H2 and on PostgreSQL.
 */
class GoOidcInteropTest {

    private static final Path PROGRAM = Path.of("src/test/go/rp-interop");

    static final List<String> STEPS = List.of(
            "discovery: oidc.NewProvider with its exact issuer check",
            "registration of the clients and the user",
            "public client, AuthStyleAutoDetect: code flow with PKCE S256, state and iss checked, ID token verified",
            "public client, AuthStyleAutoDetect: the first token request (Basic client_id, empty password) succeeds",
            "public client: UserInfo",
            "public client: refresh through TokenSource rotates the refresh token",
            "public client: the rotated-out refresh token refused (invalid_grant)",
            "error: a code used twice refused (invalid_grant)",
            "public client, AuthStyleInHeader: code flow, ID token verified",
            "client_secret_basic: code flow, ID token verified",
            "client_secret_basic: client_credentials",
            "client_secret_basic: access token verified as a resource server (aud RESOURCE), GET /api/me",
            "client_secret_basic: introspection says active",
            "client_secret_basic: revocation, then introspection says inactive",
            "error: an unknown scope at client_credentials refused (invalid_scope)",
            "error: a wrong secret with Basic refused (401 invalid_client, WWW-Authenticate Basic realm)",
            "client_secret_post: code flow, ID token verified",
            "client_secret_post: client_credentials",
            "client_secret_post: access token verified as a resource server (aud RESOURCE), GET /api/me",
            "client_secret_post: introspection says active",
            "client_secret_post: revocation, then introspection says inactive",
            "ES256 client: ID token verified with ES256 as the only accepted algorithm",
            "removal of the clients and the user");

    @ParameterizedTest
    @EnumSource(Database.class)
    void goRelyingPartiesPassTheirLibrariesChecks(Database database) throws Exception {
        VerifierStack stack = VerifierStack.on(database);
        Path work = Files.createDirectories(Path.of("target/go-rp-interop").toAbsolutePath());

        // GOPATH mode: the Debian packages' sources, no module download (the machines reach no Go proxy)
        RelyingPartyRun.against(stack, PROGRAM, List.of("go", "run", "main.go"), Map.of(
                "GO111MODULE", "off",
                "GOPATH", "/usr/share/gocode",
                "GOCACHE", work.resolve("cache").toString(),
                "HOME", work.toString()), 300).assertPassed(STEPS, database.toString());
    }
}
