package dev.verifier.stack.confidential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.verifier.stack.confidential.ConfidentialClient.Attempt;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.TokenChecks;
import dev.verifier.stack.support.UserAgent;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The confidential-client journey across the four real services (H2, real broker), the client side written with
 * Nimbus oauth2-oidc-sdk ({@link ConfidentialClient}): a client_secret_jwt client registered with {@code jwks_uri}
 * and {@code request_uris} → a request object signed with its RSA key, hosted at its request_uri → /authorize with
 * only client_id and request_uri → login → consent → code → /token authenticated by a client_secret_jwt assertion →
 * access, ID and refresh tokens validated independently → refresh with a new assertion → resource-api. The same
 * request object pushed to /par works too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfidentialClientFlowTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String REQUEST_PATH = "/oauth/request.jwt";

    VerifierStack stack;
    TokenChecks checks;
    ClientBackEnd backEnd;
    ConfidentialClient client;
    String username;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void registerClientAndUser() throws Exception {
        stack = VerifierStack.on(Database.H2);
        checks = new TokenChecks(stack);
        backEnd = new ClientBackEnd();
        RSAKey signingKey = new RSAKeyGenerator(2048).keyID("backend-" + UUID.randomUUID())
                .keyUse(KeyUse.SIGNATURE).generate();
        backEnd.publish("/.well-known/jwks.json", "application/json",
                new JWKSet(signingKey.toPublicJWK()).toString());
        URI redirectUri = URI.create("http://127.0.0.1:8766/callback");
        Admin admin = new Admin(stack);
        Admin.Registered registered = admin.registerClient(Map.of(
                "client_name", "E2E confidential back end",
                "redirect_uris", List.of(redirectUri.toString()),
                "grant_types", List.of("authorization_code", "refresh_token"),
                "response_types", List.of("code"),
                "token_endpoint_auth_method", "client_secret_jwt",
                "jwks_uri", backEnd.url("/.well-known/jwks.json"),
                "request_uris", List.of(backEnd.url(REQUEST_PATH)),
                "request_object_signing_alg", "RS256",
                "require_signed_request_object", true,
                "scope", "openid profile email offline_access notes.read"));
        assertNotNull(registered.clientSecret(), "client_secret_jwt clients get a secret");
        client = new ConfidentialClient(new ClientID(registered.clientId()), new Secret(registered.clientSecret()),
                signingKey, redirectUri, stack.issuer(), stack.url(Service.TOKEN).resolve("/token"));
        username = "conf-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(Map.of("username", username, "password", PASSWORD, "name", "Confidential Person",
                "email", username + "@example.com", "email_verified", true));
    }

    @AfterAll
    void stopBackEnd() {
        backEnd.close();
    }

    static OIDCTokenResponse success(TokenResponse response) {
        assertTrue(response.indicatesSuccess(), () -> ((TokenErrorResponse) response).getErrorObject().toJSONObject()
                .toString());
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    /** The code of {@code response} redeemed with a client_secret_jwt assertion; the tokens checked with Nimbus. */
    OIDCTokenResponse redeem(AuthorizationSuccessResponse response, Attempt attempt) throws Exception {
        assertEquals(attempt.state(), response.getState(), "the state from the request object");
        assertEquals(stack.issuer().toString(), response.getIssuer().getValue());
        OIDCTokenResponse tokens = success(client.token(new AuthorizationCodeGrant(response.getAuthorizationCode(),
                client.redirectUri, attempt.verifier())));
        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
        IDTokenClaimsSet idToken = checks.idToken(tokens.getOIDCTokens().getIDToken(), client.id.getValue(),
                attempt.nonce(), accessToken);
        JWTClaimsSet access = checks.accessToken(accessToken.getValue(), stack.url(Service.RESOURCE));
        assertEquals(idToken.getSubject().getValue(), access.getSubject());
        assertEquals(client.id.getValue(), access.getStringClaim("client_id"));
        return tokens;
    }

    @Test
    void requestObjectByReferenceThenLoginConsentCodeClientSecretJwtTokensRefreshAndApi() throws Exception {
        Attempt attempt = Attempt.fresh();
        backEnd.publish(REQUEST_PATH, "application/oauth-authz-req+jwt", client.requestObject(attempt).serialize());
        URI authorization = client.authorizationByReference(URI.create(backEnd.url(REQUEST_PATH)));
        assertFalse(authorization.getQuery().contains("redirect_uri"), "only client_id and request_uri are sent");

        AuthorizationSuccessResponse response = new UserAgent(stack.issuer()).authorize(authorization, username,
                PASSWORD);
        assertEquals(1, backEnd.fetches(REQUEST_PATH), "authorize-service fetched the request object once");
        OIDCTokenResponse tokens = redeem(response, attempt);
        RefreshToken refreshToken = tokens.getOIDCTokens().getRefreshToken();
        assertNotNull(refreshToken, "offline_access gives a refresh token");

        OIDCTokenResponse refreshed = success(client.token(new RefreshTokenGrant(refreshToken)));
        BearerAccessToken newAccessToken = refreshed.getOIDCTokens().getBearerAccessToken();
        assertNotEquals(tokens.getOIDCTokens().getBearerAccessToken(), newAccessToken);
        String subject = checks.accessToken(newAccessToken.getValue(), stack.url(Service.RESOURCE)).getSubject();

        HttpResponse<String> api = http.send(HttpRequest.newBuilder(stack.url(Service.RESOURCE).resolve("/api/me"))
                .header("Authorization", newAccessToken.toAuthorizationHeader()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(api.body().contains(subject), api.body());
    }

    @Test
    void requestObjectPushedToParWithClientSecretJwtThenTheUrnStartsTheFlowOnce() throws Exception {
        Attempt attempt = Attempt.fresh();
        PushedAuthorizationResponse pushed = client.push(attempt);
        assertTrue(pushed.indicatesSuccess(), () -> pushed.toErrorResponse().getErrorObject().toJSONObject()
                .toString());
        URI urn = pushed.toSuccessResponse().getRequestURI();
        assertTrue(urn.toString().startsWith("urn:ietf:params:oauth:request_uri:"));

        AuthorizationSuccessResponse response = new UserAgent(stack.issuer()).authorize(
                client.authorizationByReference(urn), username, PASSWORD);
        redeem(response, attempt);

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(client.authorizationByReference(urn)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, again.statusCode(), "a pushed request is used once");
        assertTrue(again.body().contains("invalid_request_uri"), again.body());
    }

    @Test
    void clientSecretJwtAssertionCannotBeReplayedAtTheTokenEndpoint() throws Exception {
        var assertion = client.assertionFor(client.tokenEndpoint);
        RefreshTokenGrant unknown = new RefreshTokenGrant(new RefreshToken("not-a-refresh-token"));
        TokenResponse first = OIDCTokenResponseParser.parse(
                new TokenRequest(client.tokenEndpoint, assertion, unknown).toHTTPRequest().send());
        TokenResponse replay = OIDCTokenResponseParser.parse(
                new TokenRequest(client.tokenEndpoint, assertion, unknown).toHTTPRequest().send());
        assertEquals("invalid_grant", ((TokenErrorResponse) first).getErrorObject().getCode(),
                "the assertion authenticated the client");
        assertEquals("invalid_client", ((TokenErrorResponse) replay).getErrorObject().getCode(), "its jti is spent");
    }

    /**
     * RFC 9126 §2 makes /par accept the token endpoint as an assertion's audience, so one assertion is valid at both
     * endpoints of two services: they share token-service's jti store, and it is spent at whichever sees it first.
     */
    @Test
    void oneClientSecretJwtAssertionIsSpentAcrossTheTokenEndpointAndPar() throws Exception {
        RefreshTokenGrant unknown = new RefreshTokenGrant(new RefreshToken("not-a-refresh-token"));
        var usedAtToken = client.assertionFor(client.tokenEndpoint);
        TokenResponse atToken = OIDCTokenResponseParser.parse(
                new TokenRequest(client.tokenEndpoint, usedAtToken, unknown).toHTTPRequest().send());
        assertEquals("invalid_grant", ((TokenErrorResponse) atToken).getErrorObject().getCode(),
                "the assertion authenticated the client at /token");
        PushedAuthorizationResponse replayAtPar = client.push(Attempt.fresh(), usedAtToken);
        assertFalse(replayAtPar.indicatesSuccess(), "replayed at /par");
        assertEquals("invalid_client", replayAtPar.toErrorResponse().getErrorObject().getCode());

        var usedAtPar = client.assertionFor(client.tokenEndpoint);
        PushedAuthorizationResponse atPar = client.push(Attempt.fresh(), usedAtPar);
        assertTrue(atPar.indicatesSuccess(), () -> atPar.toErrorResponse().getErrorObject().toJSONObject().toString());
        TokenResponse replayAtToken = OIDCTokenResponseParser.parse(
                new TokenRequest(client.tokenEndpoint, usedAtPar, unknown).toHTTPRequest().send());
        assertEquals("invalid_client", ((TokenErrorResponse) replayAtToken).getErrorObject().getCode(),
                "replayed at /token");
    }

    @Test
    void plainAuthorizationRequestOfThisClientIsRefusedBecauseItRequiresSignedRequestObjects() throws Exception {
        URI plain = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), client.id,
                client.redirectUri).state(new State()).nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .endpointURI(stack.issuer().resolve("/authorize")).build().toURI();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(plain).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains(
                "this client must send a signed request object (require_signed_request_object)"), page.body());
    }
}
