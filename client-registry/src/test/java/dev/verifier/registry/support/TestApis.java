package dev.verifier.registry.support;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API bodies for the registry's tests. The test database lives as long as the test JVM, so every API gets an
 * identifier and scope values of its own ({@link #unique()}).
 */
public final class TestApis {

    private TestApis() {
    }

    /** An API not registered yet: identifier {@code https://<id>.api.example}, scopes {@code <id>.read}, {@code <id>.write}. */
    public record Api(String identifier, String read, String write) {

        /** The registration body with both scopes, user tokens and client_credentials allowed, lifetime 600 s. */
        public String body() {
            return TestApis.body(identifier, read, write);
        }

        public String bodyWith(String... scopes) {
            return TestApis.body(identifier, scopes);
        }
    }

    public static Api unique() {
        String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new Api("https://" + id + ".api.example", id + ".read", id + ".write");
    }

    public static String body(String identifier, String... scopes) {
        String scopeList = Arrays.stream(scopes)
                .map(s -> "{\"value\": \"" + s + "\", \"description\": \"Use " + s + "\"}")
                .collect(Collectors.joining(", "));
        return """
                {"identifier": "%s", "name": "Orders API", "scopes": [%s], "access_token_lifetime": 600,
                 "allow_client_credentials": true, "allow_user_tokens": true}""".formatted(identifier, scopeList);
    }

    /** A public code client's metadata holding {@code scope}. */
    public static String clientWithScope(String scope) {
        return """
                {"client_name": "Scoped SPA", "redirect_uris": ["https://spa.example/callback"],
                 "token_endpoint_auth_method": "none", "scope": "%s"}""".formatted(scope);
    }
}
