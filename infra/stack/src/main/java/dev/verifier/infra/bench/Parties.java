package dev.verifier.infra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who takes part in a run: the users who log in, one per worker (8 virtual users are 8 people: one account signing in
 * from 8 places at once would meet the login throttle, which counts attempts in progress), and the confidential client
 * of the client_credentials and introspection scenarios. On Verifier they are registered for the run through the admin
 * APIs (so the users' password hashes are at the cost the stack runs with) and removed afterwards; node-oidc-provider
 * accepts any username with its configured password. {@link #username()} and {@link #password()} are those of the
 * calling worker thread's user.
 */
final class Parties implements AutoCloseable {

    private record User(String username, String password) {
    }

    private final List<User> users;
    private final String clientAuthorization;
    private final AutoCloseable cleanUp;
    private final AtomicInteger assigned = new AtomicInteger();
    private final ThreadLocal<User> current;

    private Parties(List<User> users, String clientAuthorization, AutoCloseable cleanUp) {
        this.users = List.copyOf(users);
        this.clientAuthorization = clientAuthorization;
        this.cleanUp = cleanUp;
        this.current = ThreadLocal.withInitial(
                () -> this.users.get(Math.floorMod(assigned.getAndIncrement(), this.users.size())));
    }

    static Parties verifier(Flows flows, Map<String, String> env, int userCount) throws Exception {
        String adminAuth = Flows.basic(env.get("VERIFIER_ADMIN_CLIENT_ID"), env.get("VERIFIER_ADMIN_CLIENT_SECRET"));
        String adminToken = flows.token("grant_type=client_credentials&scope="
                + Flows.enc("users.admin registry.admin"), adminAuth).accessToken();
        if (adminToken == null) {
            throw new IllegalStateException("no admin token from token-service: is the stack running?");
        }
        List<BenchUser> created = new ArrayList<>();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < Math.max(1, userCount); i++) {
            BenchUser user = BenchUser.create(flows.http, adminToken);
            created.add(user);
            users.add(new User(user.username, user.password));
        }
        BenchClient client = BenchClient.register(flows.http, adminToken);
        return new Parties(users, client.authorization(), () -> {
            try (client) {
                for (BenchUser user : created) {
                    user.close();
                }
            }
        });
    }

    static Parties peer(String password, int userCount) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < Math.max(1, userCount); i++) {
            users.add(new User("bench-user-" + i, password));
        }
        return new Parties(users, Flows.basic("peer-cc", "peer-cc-secret-0123456789abcdef0123456789abcdef"),
                () -> { });
    }

    String username() {
        return current.get().username();
    }

    String password() {
        return current.get().password();
    }

    String clientAuthorization() {
        return clientAuthorization;
    }

    @Override
    public void close() throws Exception {
        cleanUp.close();
    }
}
