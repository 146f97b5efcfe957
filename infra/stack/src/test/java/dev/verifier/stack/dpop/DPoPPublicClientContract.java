package dev.verifier.stack.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.UserAgent;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A DPoP-bound public client (RFC 9449) across the real services, its proofs made by Nimbus oauth2-oidc-sdk's
 * {@link DefaultDPoPProofFactory}: registered with {@code dpop_bound_access_tokens}, the code bound with
 * {@code dpop_jkt} at /authorize, redeemed with a proof ({@code token_type: DPoP}, {@code cnf.jkt}); resource-api
 * and /userinfo accept the token with a proof and refuse it as a bearer token; the refresh token works only with
 * the key. Runs once per database (subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DPoPPublicClientContract {

    static final String PASSWORD = "correct horse battery staple";

    abstract Database database();

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    VerifierStack stack;
    String clientId;
    String username;
    URI redirectUri;
    URI tokenEndpoint;
    ECKey key;
    DPoPProofFactory proofs;

    @BeforeAll
    void registerClientAndUser() throws Exception {
        stack = VerifierStack.on(database());
        Admin admin = new Admin(stack);
        redirectUri = URI.create("http://127.0.0.1:8765/callback");
        tokenEndpoint = stack.url(Service.TOKEN).resolve("/token");
        clientId = admin.registerClient(Map.of(
                "client_name", "E2E DPoP SPA",
                "redirect_uris", List.of(redirectUri.toString()),
                "grant_types", List.of("authorization_code", "refresh_token"),
                "response_types", List.of("code"),
                "token_endpoint_auth_method", "none",
                "dpop_bound_access_tokens", true,
                "scope", "openid email offline_access notes.read")).clientId();
        username = "dpop-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(Map.of("username", username, "password", PASSWORD, "email", username + "@example.com",
                "email_verified", true));
        key = new ECKeyGenerator(Curve.P_256).generate();
        proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
    }

    HttpResponse<String> post(URI uri, Map<String, String> form, String... headers) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String proof(String method, URI uri) throws Exception {
        return proofs.createDPoPJWT(method, uri).serialize();
    }

    String proof(String method, URI uri, String accessToken) throws Exception {
        return proofs.createDPoPJWT(method, uri, new DPoPAccessToken(accessToken)).serialize();
    }

    @Test
    void aDPoPBoundPublicClientJourney() throws Exception {
        String jkt = key.computeThumbprint().toString();
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "email", "offline_access", "notes.read"), new ClientID(clientId), redirectUri)
                .endpointURI(stack.issuer().resolve("/authorize")).state(state).nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256).customParameter("dpop_jkt", jkt).build().toURI();
        AuthorizationSuccessResponse authorized = new UserAgent(stack.issuer()).authorize(request, username, PASSWORD);
        Map<String, String> redeem = new LinkedHashMap<>();
        redeem.put("grant_type", "authorization_code");
        redeem.put("code", authorized.getAuthorizationCode().getValue());
        redeem.put("redirect_uri", redirectUri.toString());
        redeem.put("code_verifier", verifier.getValue());
        redeem.put("client_id", clientId);

        HttpResponse<String> withoutProof = post(tokenEndpoint, redeem);
        assertEquals(400, withoutProof.statusCode(), "dpop_bound_access_tokens: " + withoutProof.body());
        HttpResponse<String> redeemed = post(tokenEndpoint, redeem, "DPoP", proof("POST", tokenEndpoint));
        assertEquals(200, redeemed.statusCode(), redeemed.body());
        JsonNode tokens = json.readTree(redeemed.body());
        assertEquals("DPoP", tokens.path("token_type").asText());
        String accessToken = tokens.path("access_token").asText();
        assertEquals(jkt, SignedJWT.parse(accessToken).getJWTClaimsSet().getJSONObjectClaim("cnf").get("jkt"));

        URI me = stack.url(Service.RESOURCE).resolve("/api/me");
        HttpResponse<String> api = get(me, "Authorization", "DPoP " + accessToken,
                "DPoP", proof("GET", me, accessToken));
        assertEquals(200, api.statusCode(), api.body());
        HttpResponse<String> asBearer = get(me, "Authorization", "Bearer " + accessToken);
        assertEquals(401, asBearer.statusCode(), asBearer.body());
        assertTrue(asBearer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP error=\"invalid_token\""));

        URI userinfo = stack.issuer().resolve("/userinfo");
        HttpResponse<String> claims = get(userinfo, "Authorization", "DPoP " + accessToken,
                "DPoP", proof("GET", userinfo, accessToken));
        assertEquals(200, claims.statusCode(), claims.body());
        assertEquals(username + "@example.com", json.readTree(claims.body()).path("email").asText());

        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", tokens.path("refresh_token").asText());
        DPoPProofFactory otherKey = new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(),
                JWSAlgorithm.ES256);
        HttpResponse<String> stolen = post(tokenEndpoint, refresh, "DPoP",
                otherKey.createDPoPJWT("POST", tokenEndpoint).serialize());
        assertEquals(400, stolen.statusCode(), stolen.body());
        assertEquals("invalid_grant", json.readTree(stolen.body()).path("error").asText());
        HttpResponse<String> refreshed = post(tokenEndpoint, refresh, "DPoP", proof("POST", tokenEndpoint));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals("DPoP", json.readTree(refreshed.body()).path("token_type").asText());
    }
}
