package dev.verifier.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CORS for browser clients on the endpoints an SPA calls: the configured origin (by default the demo app's, the
 * resource-api origin) is allowed, without credentials and never as a wildcard; any other origin gets no CORS grant.
 */
class CorsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({"TOKEN,/token,POST", "TOKEN,/revoke,POST", "TOKEN,/jwks,GET", "AUTHORIZE,/userinfo,GET",
            "RESOURCE,/api/me,GET"})
    void configuredOriginIsAllowedWithoutCredentials(Service service, String path, String method) throws Exception {
        VerifierStack stack = VerifierStack.on(Database.H2);
        String origin = stack.url(Service.RESOURCE).toString();

        HttpResponse<Void> preflight = preflight(stack.url(service).resolve(path), origin, method);

        assertEquals(200, preflight.statusCode());
        assertEquals(Optional.of(origin), preflight.headers().firstValue("Access-Control-Allow-Origin"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(),
                "credentials are never allowed");
    }

    @ParameterizedTest
    @CsvSource({"TOKEN,/token,POST", "AUTHORIZE,/userinfo,GET", "RESOURCE,/api/me,GET"})
    void otherOriginsGetNoCorsGrant(Service service, String path, String method) throws Exception {
        VerifierStack stack = VerifierStack.on(Database.H2);

        HttpResponse<Void> preflight = preflight(stack.url(service).resolve(path), "https://evil.example", method);

        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                preflight.statusCode() + " " + preflight.headers().map());
    }

    private HttpResponse<Void> preflight(URI uri, String origin, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(uri)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.discarding());
    }
}
