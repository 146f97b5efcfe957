package dev.verifier.stack.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.verifier.testsupport.Browser;

/**
 * What the advertised-values test does as a relying party: authorization requests through a browser (login and
 * consent as they come) answered in the query or as a form_post page, and client_secret_jwt assertions for every
 * HMAC algorithm (computed here: Nimbus refuses a 256-bit secret for HS384/HS512, the server does not).
 */
public final class RelyingParty {

    public static final String REDIRECT_URI = "http://127.0.0.1:8799/cb";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RelyingParty() {
    }

    /** A GET that must answer 200 with JSON (discovery, JWKS), as a relying party reads them. */
    public static JsonNode getJson(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** A code request of {@code clientId} for {@code scope} with S256 PKCE, {@code extra} parameters on top. */
    public static Map<String, String> codeRequest(String clientId, String scope, CodeVerifier verifier) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", REDIRECT_URI);
        params.put("scope", scope);
        params.put("state", "st-1");
        params.put("nonce", "n-1");
        if (verifier != null) {
            params.put("code_challenge", com.nimbusds.oauth2.sdk.pkce.CodeChallenge
                    .compute(com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256, verifier).getValue());
            params.put("code_challenge_method", "S256");
        }
        return params;
    }

    public static String url(Map<String, String> params) {
        StringBuilder url = new StringBuilder("/authorize");
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** Opens the request, logs in and approves when asked, and answers the response parameters the client got. */
    public static Map<String, String> authorize(Browser browser, Map<String, String> params, String username,
                                         String password) {
        Browser.Page page = browser.get(url(params));
        if (page.isLoginPage()) {
            page = browser.login(page, username, password);
        }
        if (page.isConsentPage()) {
            page = browser.consent(page, "approve");
        }
        return response(page);
    }

    /** The parameters of an authorization response: a redirect's query or a form_post page's hidden fields. */
    public static Map<String, String> response(Browser.Page page) {
        if (page.location().isPresent()) {
            assertTrue(page.location().get().startsWith(REDIRECT_URI + "?"), page.location().get());
            return page.redirectParams();
        }
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("action=\"" + REDIRECT_URI + "\""), "a form_post page: " + page.body());
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = Pattern.compile("type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"").matcher(page.body());
        while (field.find()) {
            fields.put(field.group(1), field.group(2));
        }
        return fields;
    }

    /** A client_secret_jwt assertion MACed with {@code alg} under {@code secret}, audience the issuer. */
    public static ClientSecretJWT clientSecretJwt(String clientId, String secret, String alg, URI issuer) throws Exception {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                .audience(issuer.toString()).jwtID(java.util.UUID.randomUUID().toString())
                .issueTime(new java.util.Date())
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).build();
        Base64URL header = new JWSHeader(algorithm).toBase64URL();
        Base64URL payload = claims.toPayload().toBase64URL();
        String macName = "HmacSHA" + alg.substring(2);
        Mac mac = Mac.getInstance(macName);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), macName));
        byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return new ClientSecretJWT(new SignedJWT(header, payload, Base64URL.encode(signature)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
