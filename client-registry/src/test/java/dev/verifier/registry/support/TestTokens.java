package dev.verifier.registry.support;

import dev.verifier.testsupport.TestTokenIssuer;

/**
 * Stands in for token-service in the registry's tests (one per test JVM): the shared {@link TestTokenIssuer} with the
 * registry's defaults — issuer {@value #ISSUER}, audience the registry's admin audience (and resource-api), subject and client
 * {@code test-admin}, scope {@code registry.admin}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    public static final String REGISTRY = "http://localhost:9002";
    public static final String REGISTRY_ADMIN = REGISTRY + "/admin";

    private static final TestTokenIssuer TOKEN_SERVICE = new TestTokenIssuer(ISSUER);

    private TestTokens() {
    }

    /** The base URL of the fake token-service, serving the JWKS at {@code /jwks}. */
    public static String baseUrl() {
        return TOKEN_SERVICE.baseUrl();
    }

    public static String admin() {
        return token().scope("registry.admin").sign();
    }

    public static String reader() {
        return token().scope("registry.read").sign();
    }

    /** An RFC 9068 access token valid for the registry unless a setter breaks it. */
    public static TestTokenIssuer.Builder token() {
        return TOKEN_SERVICE.token(REGISTRY_ADMIN).audience(REGISTRY_ADMIN, "http://localhost:9003").subject("test-admin")
                .claim("client_id", "test-admin").scope("registry.admin");
    }
}
