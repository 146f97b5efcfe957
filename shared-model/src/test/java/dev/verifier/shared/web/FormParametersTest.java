package dev.verifier.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import org.junit.jupiter.api.Test;

/** The one form parser of /token, /introspect, /revoke and /par, and its edge cases. */
class FormParametersTest {

    static OAuthException refused(String body) {
        OAuthException e = assertThrows(OAuthException.class, () -> FormParameters.parse(body));
        assertEquals(OAuthError.INVALID_REQUEST, e.error());
        return e;
    }

    @Test
    void emptyValueCountsAsOmittedRfc6749Section3() {
        Map<String, String> params = FormParameters.parse("client_id=app&client_secret=&scope");

        assertEquals(Map.of("client_id", "app"), params, "client_secret= and a bare name are not parameters");
    }

    @Test
    void repeatedParameterIsInvalidRequestEvenWhenOneValueIsEmpty() {
        assertEquals("parameter scope is repeated", refused("scope=a&scope=b").description());
        refused("client_secret=&client_secret=s");
    }

    @Test
    void repeatedUnknownNameIsNotEchoed() {
        assertEquals("parameter a parameter is repeated", refused("%3Cscript%3E=1&%3Cscript%3E=2").description());
    }

    @Test
    void valuesAreFormDecoded() {
        Map<String, String> params = FormParameters.parse("scope=openid+profile&redirect_uri=https%3A%2F%2Fa.example%2Fcb%3Fx%3D1");

        assertEquals("openid profile", params.get("scope"));
        assertEquals("https://a.example/cb?x=1", params.get("redirect_uri"));
    }

    @Test
    void brokenPercentEncodingIsInvalidRequest() {
        assertEquals("the form body is not valid form-urlencoding", refused("code=%zz").description());
    }

    @Test
    void nullEmptyAndStrayAmpersandsGiveNoParameters() {
        assertTrue(FormParameters.parse(null).isEmpty());
        assertTrue(FormParameters.parse("").isEmpty());
        assertEquals(Map.of("a", "1"), FormParameters.parse("&&a=1&"));
    }

    @Test
    void aValueMayContainAnEqualsSign() {
        assertEquals("x=y", FormParameters.parse("state=x%3Dy").get("state"));
        assertEquals("x=y", FormParameters.parse("state=x=y").get("state"));
    }

    @Test
    void tooManyParametersAreRefused() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= 50; i++) {
            body.append("p").append(i).append("=v&");
        }
        assertEquals("the request has too many parameters", refused(body.toString()).description());
    }
}
