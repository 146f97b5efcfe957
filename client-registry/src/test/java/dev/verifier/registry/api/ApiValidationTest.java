package dev.verifier.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of a registered API refuses with 400 invalid_request and its own description (not the local profile). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiValidationTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    RegistryHttp http;

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refuse("a JSON array", "[]", "the body must be a JSON object describing the API"),
                refuse("not JSON", "orders", "the body must be a JSON object describing the API"),
                refuse("no identifier", "{\"name\": \"Orders\"}", "identifier is required"),
                refuse("identifier not a string", api("\"identifier\": 42"), "identifier must be a string"),
                refuse("relative identifier", api("\"identifier\": \"/orders\""), "identifier must be an absolute URI"),
                refuse("identifier with a fragment", api("\"identifier\": \"https://orders.example/#v1\""), "identifier must not contain a fragment"),
                refuse("identifier with a query", api("\"identifier\": \"https://orders.example/?v=1\""), "identifier must not contain a query"),
                refuse("http identifier outside the local profile", api("\"identifier\": \"http://localhost:9003\""), "identifier must use https"),
                refuse("URN identifier", api("\"identifier\": \"urn:example:orders\""), "identifier must use https"),
                refuse("identifier with a wildcard", api("\"identifier\": \"https://*.orders.example\""), "identifier must not contain wildcards"),
                refuse("identifier with a space", api("\"identifier\": \"https://orders.example/a b\""), "identifier must be printable ASCII"),
                refuse("non-ASCII identifier", api("\"identifier\": \"https://bücher.example\""), "identifier must be printable ASCII"),
                refuse("identifier too long", api("\"identifier\": \"https://orders.example/" + "x".repeat(2048) + "\""), "identifier is longer than 2048 characters"),
                refuse("no name", "{\"identifier\": \"https://orders.example\"}", "name must be 1 to 200 characters"),
                refuse("blank name", api("\"name\": \"  \""), "name must be 1 to 200 characters"),
                refuse("name too long", api("\"name\": \"" + "n".repeat(201) + "\""), "name must be 1 to 200 characters"),
                refuse("name with a control character", api("\"name\": \"Orders\\nAPI\""), "name must be 1 to 200 characters without control characters"),
                refuse("scopes not a list", api("\"scopes\": \"orders.read\""), "scopes must be a list"),
                refuse("scope not an object", api("\"scopes\": [\"orders.read\"]"), "scopes[0] must be an object"),
                refuse("scope without a value", api("\"scopes\": [{\"description\": \"Read\"}]"), "scopes[0].value must be 1 to 128 characters"),
                refuse("scope value not a string", api("\"scopes\": [{\"value\": 7}]"), "scopes[0].value must be a string"),
                refuse("empty scope value", scopes("\"\""), "scopes[0].value must be 1 to 128"),
                refuse("scope value with a space", scopes("\"orders read\""), "RFC 6749 scope-token"),
                refuse("scope value with a quote", scopes("\"orders\\\"read\""), "RFC 6749 scope-token"),
                refuse("scope value with a backslash", scopes("\"orders\\\\read\""), "RFC 6749 scope-token"),
                refuse("non-ASCII scope value", scopes("\"commandes.lire.é\""), "RFC 6749 scope-token"),
                refuse("scope value too long", scopes("\"" + "s".repeat(129) + "\""), "scopes[0].value must be 1 to 128"),
                refuse("second scope invalid", scopes("\"orders.read\"", "\"bad scope\""), "scopes[1].value"),
                refuse("OpenID Connect scope", scopes("\"openid\""), "scope openid is an OpenID Connect scope: it belongs to no API"),
                refuse("offline_access", scopes("\"offline_access\""), "scope offline_access is an OpenID Connect scope"),
                refuse("internal scope", scopes("\"registry.admin\""), "scope registry.admin is internal to Verifier"),
                refuse("another internal scope", scopes("\"jti.record\""), "scope jti.record is internal to Verifier"),
                refuse("scope listed twice", scopes("\"orders.read\"", "\"orders.read\""), "scope orders.read is listed more than once"),
                refuse("too many scopes", scopes(IntStream.range(0, 101).mapToObj(i -> "\"s" + i + "\"").toArray(String[]::new)), "at most 100 scopes are allowed"),
                refuse("blank description", api("\"scopes\": [{\"value\": \"orders.read\", \"description\": \"\"}]"), "scopes[0].description must be 1 to 300 characters"),
                refuse("description too long", api("\"scopes\": [{\"value\": \"orders.read\", \"description\": \"" + "d".repeat(301) + "\"}]"), "scopes[0].description must be 1 to 300 characters"),
                refuse("description with a control character", api("\"scopes\": [{\"value\": \"orders.read\", \"description\": \"a\\u0007b\"}]"), "scopes[0].description must be 1 to 300 characters without control characters"),
                refuse("description not a string", api("\"scopes\": [{\"value\": \"orders.read\", \"description\": true}]"), "scopes[0].description must be a string"),
                refuse("lifetime under a minute", api("\"access_token_lifetime\": 59"), "access_token_lifetime must be 60 to 86400 seconds"),
                refuse("lifetime over a day", api("\"access_token_lifetime\": 86401"), "access_token_lifetime must be 60 to 86400 seconds"),
                refuse("negative lifetime", api("\"access_token_lifetime\": -600"), "access_token_lifetime must be 60 to 86400 seconds"),
                refuse("huge lifetime", api("\"access_token_lifetime\": 100000000000000000000000000"), "access_token_lifetime must be 60 to 86400 seconds"),
                refuse("lifetime as a string", api("\"access_token_lifetime\": \"600\""), "access_token_lifetime must be a whole number of seconds"),
                refuse("fractional lifetime", api("\"access_token_lifetime\": 600.5"), "access_token_lifetime must be a whole number of seconds"),
                refuse("allow_client_credentials not a boolean", api("\"allow_client_credentials\": \"yes\""), "allow_client_credentials must be true or false"),
                refuse("allow_user_tokens not a boolean", api("\"allow_user_tokens\": 1"), "allow_user_tokens must be true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void invalidApiIsRefusedWithItsOwnDescription(String rule, String body, String description) {
        Answer answer = http.post("/apis", TestTokens.admin(), body);
        assertEquals(400, answer.status(), rule + ": " + answer.body());
        assertEquals("invalid_request", answer.error(), rule);
        assertTrue(answer.description().contains(description), rule + ": " + answer.description());
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void valuesAtTheBoundsAreAccepted() {
        TestApis.Api api = TestApis.unique();
        String longValue = api.read() + "." + "s".repeat(128 - api.read().length() - 1);
        String many = IntStream.range(0, 99).mapToObj(i -> "{\"value\": \"" + api.write() + i + "\"}")
                .collect(Collectors.joining(", "));
        Answer answer = http.post("/apis", TestTokens.admin(), """
                {"identifier": "%s", "name": "%s", "access_token_lifetime": 86400,
                 "scopes": [{"value": "%s", "description": "%s"}, %s]}"""
                .formatted(api.identifier(), "n".repeat(200), longValue, "d".repeat(300), many));
        assertEquals(201, answer.status(), answer.body().toString());

        Answer shortest = http.post("/apis", TestTokens.admin(), TestApis.unique().body().replace("600", "60"));
        assertEquals(201, shortest.status(), shortest.body().toString());
    }

    @Test
    void scopeValuesMayUseEveryScopeTokenCharacter() {
        String value = TestApis.unique().read() + "!#$%&'()*+,-./:;<=>?@[]^_`{|}~";
        Answer answer = http.post("/apis", TestTokens.admin(), TestApis.body(TestApis.unique().identifier(), value));
        assertEquals(201, answer.status(), answer.body().toString());
    }

    private static Arguments refuse(String rule, String body, String description) {
        return Arguments.of(rule, body, description);
    }

    /** A valid API changed by {@code extra} fields. */
    private static String api(String extra) {
        String identifier = extra.contains("\"identifier\"") ? "" : "\"identifier\": \"https://orders.example\", ";
        String name = extra.contains("\"name\"") ? "" : "\"name\": \"Orders\", ";
        return "{" + identifier + name + extra + "}";
    }

    private static String scopes(String... values) {
        return api("\"scopes\": [" + Stream.of(values).map(v -> "{\"value\": " + v + "}")
                .collect(Collectors.joining(", ")) + "]");
    }
}
