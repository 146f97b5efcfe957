package dev.verifier.infra.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A confidential client registered for one benchmark run through the registry's admin API (client_secret_basic,
 * client_credentials for resource-api's {@code notes.read}, allowed to introspect resource-api tokens), deleted at the
 * end: the relying party of the client_credentials and introspection scenarios.
 */
final class BenchClient implements AutoCloseable {

    final String clientId;
    final String secret;
    private final HttpClient http;
    private final String adminToken;

    private BenchClient(HttpClient http, String adminToken, String clientId, String secret) {
        this.http = http;
        this.adminToken = adminToken;
        this.clientId = clientId;
        this.secret = secret;
    }

    static BenchClient register(HttpClient http, String adminToken) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(Flows.REGISTRY + "/clients"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_name\":\"Verifier benchmark\","
                        + "\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\","
                        + "\"scope\":\"notes.read\",\"introspection_audiences\":[\"" + Flows.RESOURCE_API + "\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String clientId = Flows.member(created.body(), "client_id");
        String secret = Flows.member(created.body(), "client_secret");
        if (created.statusCode() != 201 || clientId == null || secret == null) {
            throw new IllegalStateException("could not register the benchmark client: " + created.statusCode() + " "
                    + created.body());
        }
        return new BenchClient(http, adminToken, clientId, secret);
    }

    String authorization() {
        return Flows.basic(clientId, secret);
    }

    @Override
    public void close() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(Flows.REGISTRY + "/clients/" + clientId))
                .header("Authorization", "Bearer " + adminToken).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
