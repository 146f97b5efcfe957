package dev.verifier.stack.flow;

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

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.TokenChecks;
import dev.verifier.stack.support.UserAgent;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The public-client journey across the four real services, with Nimbus oauth2-oidc-sdk as the independent client:
 * admin token by client_credentials → public SPA client and user registered → Authorization Code + PKCE through
 * login and consent → ID token and access token validated → userinfo → resource-api → refresh with rotation → reuse
 * of a rotated refresh token revokes the family → code reuse fails and revokes → revocation and introspection.
 * Runs once per database (subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublicClientFlowContract {

    static final String PASSWORD = "correct horse battery staple";

    abstract Database database();

    VerifierStack stack;
    Admin admin;
    TokenChecks checks;
    String clientId;
    String username;
    URI redirectUri;
    Admin.Registered resourceServer;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void registerClientAndUser() {
        stack = VerifierStack.on(database());
        admin = new Admin(stack);
        checks = new TokenChecks(stack);
        redirectUri = URI.create("http://127.0.0.1:8765/callback");
        clientId = admin.registerClient(Map.of(
                "client_name", "E2E SPA",
                "redirect_uris", List.of(redirectUri.toString()),
                "grant_types", List.of("authorization_code", "refresh_token"),
                "response_types", List.of("code"),
                "token_endpoint_auth_method", "none",
                "scope", "openid profile email offline_access notes.read")).clientId();
        // a resource server registered to introspect the tokens issued for its audience
        resourceServer = admin.registerClient(Map.of(
                "client_name", "E2E resource server",
                "grant_types", List.of("client_credentials"),
                "token_endpoint_auth_method", "client_secret_basic",
                "introspection_audiences", List.of(stack.url(Service.RESOURCE).toString())));
        username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(Map.of("username", username, "password", PASSWORD, "name", "E2E Person",
                "email", username + "@example.com", "email_verified", true));
    }

    /** One login: the code, its PKCE verifier and the nonce. */
    record Login(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) {
    }

    Login login() {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email", "offline_access", "notes.read"), new ClientID(clientId),
                redirectUri)
                .endpointURI(stack.issuer().resolve("/authorize"))
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        AuthorizationSuccessResponse response = new UserAgent(stack.issuer()).authorize(request, username, PASSWORD);
        assertEquals(state, response.getState());
        assertEquals(stack.issuer().toString(), response.getIssuer().getValue(), "RFC 9207 iss");
        return new Login(response.getAuthorizationCode(), verifier, nonce);
    }

    TokenResponse redeem(Login login) throws Exception {
        return token(new AuthorizationCodeGrant(login.code(), redirectUri, login.verifier()));
    }

    TokenResponse token(AuthorizationGrant grant) throws Exception {
        TokenRequest request = new TokenRequest(stack.url(Service.TOKEN).resolve("/token"), new ClientID(clientId),
                grant, null);
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    OIDCTokenResponse success(TokenResponse response) {
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toJSONObject()
                .toString());
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    void assertInvalidGrant(TokenResponse response) {
        assertFalse(response.indicatesSuccess());
        assertEquals("invalid_grant", ((TokenErrorResponse) response).getErrorObject().getCode());
    }

    boolean active(Token token) throws Exception {
        TokenIntrospectionRequest request = new TokenIntrospectionRequest(
                stack.url(Service.TOKEN).resolve("/introspect"),
                new ClientSecretBasic(new ClientID(resourceServer.clientId()), new Secret(resourceServer.clientSecret())),
                token);
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(request.toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(),
                () -> "introspection refused: " + response.toErrorResponse().getErrorObject().toJSONObject());
        return response.toSuccessResponse().isActive();
    }

    HttpResponse<String> callApi(BearerAccessToken token) throws Exception {
        return http.send(HttpRequest.newBuilder(stack.url(Service.RESOURCE).resolve("/api/me"))
                .header("Authorization", token.toAuthorizationHeader()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void codeFlowGivesTokensAnIndependentClientValidatesAndTheApiAccepts() throws Exception {
        Login login = login();
        OIDCTokenResponse tokens = success(redeem(login));
        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();

        IDTokenClaimsSet idClaims = checks.idToken(tokens.getOIDCTokens().getIDToken(), clientId, login.nonce(),
                accessToken);
        JWTClaimsSet atClaims = checks.accessToken(accessToken.getValue(), stack.url(Service.RESOURCE));
        assertEquals(idClaims.getSubject().getValue(), atClaims.getSubject());
        assertEquals(clientId, atClaims.getStringClaim("client_id"));
        assertNotNull(idClaims.getAuthenticationTime());
        assertNotNull(tokens.getOIDCTokens().getRefreshToken(), "offline_access gives a refresh token");

        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(
                stack.issuer().resolve("/userinfo"), accessToken).toHTTPRequest().send());
        assertTrue(userInfo.indicatesSuccess(), () -> userInfo.toErrorResponse().getErrorObject().toString());
        UserInfo claims = userInfo.toSuccessResponse().getUserInfo();
        assertEquals(idClaims.getSubject(), claims.getSubject());
        assertEquals(username + "@example.com", claims.getEmailAddress());

        HttpResponse<String> api = callApi(accessToken);
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(api.body().contains(idClaims.getSubject().getValue()));
    }

    @Test
    void refreshRotatesAndReuseOfARotatedTokenRevokesTheFamily() throws Exception {
        OIDCTokenResponse first = success(redeem(login()));
        RefreshToken original = first.getOIDCTokens().getRefreshToken();

        OIDCTokenResponse second = success(token(new RefreshTokenGrant(original)));
        RefreshToken rotated = second.getOIDCTokens().getRefreshToken();
        assertNotEquals(original, rotated, "public clients get a new refresh token on every use");
        assertNotNull(second.getOIDCTokens().getIDToken(), "a new ID token when openid was granted");
        BearerAccessToken latestAccessToken = second.getOIDCTokens().getBearerAccessToken();
        assertTrue(active(latestAccessToken));

        assertInvalidGrant(token(new RefreshTokenGrant(original)));

        assertInvalidGrant(token(new RefreshTokenGrant(rotated)));
        assertFalse(active(latestAccessToken), "the whole family, access tokens included, is revoked");
    }

    @Test
    void secondUseOfACodeFailsAndRevokesWhatTheFirstUseIssued() throws Exception {
        Login login = login();
        OIDCTokenResponse tokens = success(redeem(login));
        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
        assertTrue(active(accessToken));

        assertInvalidGrant(redeem(login));

        assertFalse(active(accessToken), "the access token from the first use is revoked");
        assertInvalidGrant(token(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())));
    }

    @Test
    void revokedAccessTokenIsNoLongerActive() throws Exception {
        OIDCTokenResponse tokens = success(redeem(login()));
        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
        assertTrue(active(accessToken));

        var revocation = new TokenRevocationRequest(stack.url(Service.TOKEN).resolve("/revoke"),
                new ClientID(clientId), accessToken).toHTTPRequest().send();
        assertEquals(200, revocation.getStatusCode());

        assertFalse(active(accessToken));
    }
}
