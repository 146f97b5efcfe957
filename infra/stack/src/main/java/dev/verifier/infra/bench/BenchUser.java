package dev.verifier.infra.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A user made for one benchmark run through the users admin API, so that its password hash is at the cost the
 * running stack was started with (a stored hash keeps its own cost until the next login upgrades it). Deleted at the end.
 */
final class BenchUser implements AutoCloseable {

    final String username;
    final String password;
    private final HttpClient http;
    private final String adminToken;

    private BenchUser(HttpClient http, String adminToken, String username, String password) {
        this.http = http;
        this.adminToken = adminToken;
        this.username = username;
        this.password = password;
    }

    static BenchUser create(HttpClient http, String adminToken) throws Exception {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String suffix = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        BenchUser user = new BenchUser(http, adminToken, "bench-" + suffix.substring(0, 8).toLowerCase(), suffix);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:9000/admin/users"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user.username + "\",\"password\":\""
                        + user.password + "\",\"name\":\"Bench User\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create the bench user: " + created.statusCode() + " "
                    + created.body());
        }
        return user;
    }

    @Override
    public void close() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:9000/admin/users/" + username))
                .header("Authorization", "Bearer " + adminToken).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
