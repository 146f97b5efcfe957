package dev.verifier.stack.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;

/**
 * Malformed requests of every kind at every public, admin and internal endpoint of the four real services: wrong
 * methods, broken and unknown content types and charsets, broken percent-encoding and UTF-8, a body that claims gzip,
 * duplicated, oversized and very many parameters, broken JSON, and broken request lines. Whatever the request, the
 * answer is never a 5xx, never carries a stack trace, and a JSON answer has the RFC error shape. Each request is sent
 * without credentials and with valid ones (so that the body is parsed, not refused at the door).
 */
class MalformedRequestFuzzTest {

    private static VerifierStack stack;
    private static FuzzClient fuzz;

    @BeforeAll
    static void stack() {
        stack = VerifierStack.on(Database.H2);
        Admin admin = new Admin(stack);
        String adminToken = admin.clientCredentials(stack.adminClientId(), stack.adminClientSecret(),
                "registry.admin users.admin keys.admin");
        fuzz = new FuzzClient(stack, adminToken);
    }

    @Test
    void everyEndpointWhenMethodIsWrongOrUnknownThenNo5xxAndErrorShape() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.all()) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW")) {
                failures.addAll(fuzz.sendBoth(endpoint, method, null, new byte[0], "method " + method));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyBodyEndpointWhenContentTypeOrCharsetIsMalformedThenNo5xxAndErrorShape() {
        List<String> contentTypes = List.of(
                "application/x-www-form-urlencoded; charset=nonsense",
                "application/x-www-form-urlencoded; charset=",
                "application/x-www-form-urlencoded; charset=\"utf-8",
                "application/x-www-form-urlencoded; charset=utf-16",
                "application/json; charset=bogus-charset",
                ";;;",
                "text/plain",
                "multipart/form-data",
                "multipart/form-data; boundary=xyz",
                "application/xml",
                "*/*",
                "application/x-www-form-urlencoded/extra",
                "=");
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.withBody()) {
            for (String contentType : contentTypes) {
                failures.addAll(fuzz.sendBoth(endpoint, endpoint.method(), contentType, endpoint.sampleBody(),
                        "content type " + contentType));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyBodyEndpointWhenBodyIsBrokenThenNo5xxAndErrorShape() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.withBody()) {
            for (Bodies.Case body : Bodies.malformed(endpoint.json())) {
                failures.addAll(fuzz.sendBoth(endpoint, endpoint.method(), body.contentType(), body.bytes(),
                        body.name(), body.headers()));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyEndpointWhenQueryIsMalformedOrOversizedThenNo5xx() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.all()) {
            for (String query : Bodies.malformedQueries()) {
                for (boolean authenticated : List.of(false, true)) {
                    failures.addAll(RawRequests.send(stack.url(endpoint.service()),
                            fuzz.rawRequest(endpoint, query, authenticated)));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyServiceWhenRequestLineOrHeadersAreBrokenThenNo5xx() {
        List<String> failures = new ArrayList<>();
        for (VerifierStack.Service service : VerifierStack.Service.values()) {
            for (String raw : RawRequests.broken()) {
                failures.addAll(RawRequests.send(stack.url(service), raw));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
