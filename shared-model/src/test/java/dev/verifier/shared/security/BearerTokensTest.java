package dev.verifier.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.verifier.shared.error.OAuthErrorResponses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import org.junit.jupiter.api.Test;

/** The bearer token of a request, the RFC 6750 answers, and which scopes a token may use. */
class BearerTokensTest {

    static String challenge(MutableHttpResponse<?> response) {
        return response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void theTokenOfABearerHeaderOnly() {
        assertEquals(Optional.of("abc"), BearerTokens.of("Bearer abc"));
        assertEquals(Optional.of("abc"), BearerTokens.of("bearer  abc "));
        assertEquals(Optional.empty(), BearerTokens.of(null));
        assertEquals(Optional.empty(), BearerTokens.of("Bearer "));
        assertEquals(Optional.empty(), BearerTokens.of("Bearer    "));
        assertEquals(Optional.empty(), BearerTokens.of("Basic YTpi"));
    }

    @Test
    void answersPerRfc6750() {
        MutableHttpResponse<?> missing = OAuthErrorResponses.of(BearerTokens.missing());
        assertEquals(401, missing.code());
        assertEquals("Bearer", challenge(missing), "§3.1: no error code without credentials");
        assertEquals("invalid_token", OAuthErrorResponses.of(BearerTokens.missing()).body().error());

        MutableHttpResponse<?> invalid = OAuthErrorResponses.of(BearerTokens.invalid());
        assertEquals(401, invalid.code());
        assertTrue(challenge(invalid).startsWith("Bearer error=\"invalid_token\""), challenge(invalid));

        MutableHttpResponse<?> scope = OAuthErrorResponses.of(BearerTokens.insufficientScope());
        assertEquals(403, scope.code());
        assertTrue(challenge(scope).startsWith("Bearer error=\"insufficient_scope\""), challenge(scope));
    }

    @Test
    void internalScopesCountOnlyForAServiceTokenWithTheAdminAudience() {
        List<String> scopes = List.of("registry.admin", "notes.read");
        Set<String> admin = Set.of("http://localhost:9002/admin");

        assertEquals(scopes, AdminScopes.honoured(scopes, List.of("http://localhost:9002/admin"), "svc", "svc", admin));
        assertEquals(List.of("notes.read"),
                AdminScopes.honoured(scopes, List.of("http://localhost:9002/admin"), "alice", "svc", admin),
                "a user token never holds an internal scope");
        assertEquals(List.of("notes.read"),
                AdminScopes.honoured(scopes, List.of("http://localhost:9001/admin"), "svc", "svc", admin),
                "another service's admin audience");
        assertEquals(List.of("notes.read"), AdminScopes.honoured(scopes, List.of(), "svc", null, admin));
    }
}
