package dev.verifier.authorize.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one redirect builder (authorization responses, errors, post-logout) and its edge cases. */
class RedirectQueryTest {

    static Map<String, String> params(String... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return params;
    }

    @Test
    void parametersStartTheQueryInTheOrderGiven() {
        assertEquals("https://app.example/cb?code=abc&state=s1&iss=http%3A%2F%2Flocalhost%3A9000",
                RedirectQuery.append("https://app.example/cb",
                        params("code", "abc", "state", "s1", "iss", "http://localhost:9000")));
    }

    @Test
    void aRegisteredQueryIsKeptAndExtended() {
        assertEquals("https://app.example/cb?tenant=a%20b&state=s1",
                RedirectQuery.append("https://app.example/cb?tenant=a%20b", params("state", "s1")));
    }

    @Test
    void valuesAreFormEncodedSoTheyCannotAddParameters() {
        assertEquals("https://app.example/cb?state=x%26code%3Devil+%C3%A9",
                RedirectQuery.append("https://app.example/cb", params("state", "x&code=evil é")));
    }

    @Test
    void nullValuesAreLeftOutAndNoParametersLeaveTheUriAsItIs() {
        assertEquals("https://app.example/bye", RedirectQuery.append("https://app.example/bye", params("state", null)));
        assertEquals("https://app.example/bye?x=1", RedirectQuery.append("https://app.example/bye?x=1", Map.of()));
        assertEquals("https://app.example/cb?error=access_denied",
                RedirectQuery.append("https://app.example/cb", params("error", "access_denied",
                        "error_description", null)));
    }

    @Test
    void loopbackAndCustomSchemeUrisWorkAlike() {
        assertEquals("http://127.0.0.1:4000/cb?code=c", RedirectQuery.append("http://127.0.0.1:4000/cb",
                params("code", "c")));
        assertEquals("com.example.app:/cb?code=c", RedirectQuery.append("com.example.app:/cb", params("code", "c")));
    }
}
