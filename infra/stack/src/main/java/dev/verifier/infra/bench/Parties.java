package dev.verifier.infra.bench;

import java.util.Map;

/**
 * Who takes part in a run: the user who logs in and the confidential client of the client_credentials and
 * introspection scenarios. On Verifier both are registered for the run through the admin APIs (so the user's password
 * hash is at the cost the stack runs with) and removed afterwards; node-oidc-provider has them in its configuration.
 */
final class Parties implements AutoCloseable {

    private final String username;
    private final String password;
    private final String clientAuthorization;
    private final AutoCloseable cleanUp;

    private Parties(String username, String password, String clientAuthorization, AutoCloseable cleanUp) {
        this.username = username;
        this.password = password;
        this.clientAuthorization = clientAuthorization;
        this.cleanUp = cleanUp;
    }

    static Parties verifier(Flows flows, Map<String, String> env) throws Exception {
        String adminAuth = Flows.basic(env.get("VERIFIER_ADMIN_CLIENT_ID"), env.get("VERIFIER_ADMIN_CLIENT_SECRET"));
        String adminToken = flows.token("grant_type=client_credentials&scope="
                + Flows.enc("users.admin registry.admin"), adminAuth).accessToken();
        if (adminToken == null) {
            throw new IllegalStateException("no admin token from token-service: is the stack running?");
        }
        BenchUser user = BenchUser.create(flows.http, adminToken);
        BenchClient client = BenchClient.register(flows.http, adminToken);
        return new Parties(user.username, user.password, client.authorization(), () -> {
            try (user; client) {
                // both removed
            }
        });
    }

    static Parties peer(String password) {
        return new Parties("bench-user", password,
                Flows.basic("peer-cc", "peer-cc-secret-0123456789abcdef0123456789abcdef"), () -> { });
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    String clientAuthorization() {
        return clientAuthorization;
    }

    @Override
    public void close() throws Exception {
        cleanUp.close();
    }
}
