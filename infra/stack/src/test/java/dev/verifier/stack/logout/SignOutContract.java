package dev.verifier.stack.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.UserAgent;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-out across the running services: RP-initiated logout at the issuer ends the SSO session, the session's
 * refresh tokens stop working, and the client's back-channel endpoint (a real loopback receiver validating against
 * /jwks with Nimbus) gets a logout token with the ID token's sid, through authorize-service's outbox, the broker
 * and token-service's delivery queue; a disabled user's offline tokens stop too. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SignOutContract {

    static final String PASSWORD = "correct horse battery staple";
    static final String AFTER = "http://127.0.0.1:8765/signed-out";

    abstract Database database();

    VerifierStack stack;
    Admin admin;
    LogoutReceiver receiver;
    String clientId;
    String username;
    URI redirectUri = URI.create("http://127.0.0.1:8765/callback");

    @BeforeAll
    void registerClientAndUser() throws Exception {
        stack = VerifierStack.on(database());
        admin = new Admin(stack);
        receiver = new LogoutReceiver(stack.url(Service.TOKEN).resolve("/jwks"));
        clientId = admin.registerClient(Map.of(
                "client_name", "E2E RP with back channel",
                "redirect_uris", List.of(redirectUri.toString()),
                "post_logout_redirect_uris", List.of(AFTER),
                "backchannel_logout_uri", receiver.uri(),
                "backchannel_logout_session_required", true,
                "grant_types", List.of("authorization_code", "refresh_token"),
                "token_endpoint_auth_method", "none",
                "scope", "openid profile offline_access")).clientId();
        username = "signout-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(Map.of("username", username, "password", PASSWORD, "name", "Sign Out",
                "email", username + "@example.com", "email_verified", true));
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    URI authorizationRequest(Scope scope, CodeVerifier verifier, Prompt prompt) {
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE, scope,
                new ClientID(clientId), redirectUri).endpointURI(stack.issuer().resolve("/authorize"))
                .state(new State()).nonce(new Nonce()).codeChallenge(verifier, CodeChallengeMethod.S256);
        if (prompt != null) {
            builder.prompt(prompt);
        }
        return builder.build().toURI();
    }

    OIDCTokenResponse login(UserAgent agent, Scope scope) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        var code = agent.authorize(authorizationRequest(scope, verifier, null), username, PASSWORD)
                .getAuthorizationCode();
        TokenResponse response = token(new AuthorizationCodeGrant(code, redirectUri, verifier));
        assertTrue(response.indicatesSuccess());
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    TokenResponse token(AuthorizationGrant grant) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(stack.url(Service.TOKEN).resolve("/token"),
                new ClientID(clientId), grant, null).toHTTPRequest().send());
    }

    void assertRevoked(RefreshToken refreshToken) throws Exception {
        TokenResponse response = token(new RefreshTokenGrant(refreshToken));
        assertFalse(response.indicatesSuccess(), "the refresh token still works");
        assertEquals("invalid_grant", ((TokenErrorResponse) response).getErrorObject().getCode());
    }

    @Test
    @Order(1)
    void logoutEndsTheSessionRevokesItsTokensAndTellsTheClientOverTheBackChannel() throws Exception {
        UserAgent agent = new UserAgent(stack.issuer());
        OIDCTokenResponse tokens = login(agent, new Scope("openid", "profile"));
        String idToken = tokens.getOIDCTokens().getIDTokenString();
        String sid = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("sid");
        assertTrue(sid != null && !sid.isEmpty(), "ID tokens carry sid");

        Browser.Page out = agent.open(stack.issuer().resolve("/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + URLEncoder.encode(AFTER, StandardCharsets.UTF_8) + "&state=bye"));
        assertEquals(303, out.status(), out.body());
        assertEquals(AFTER + "?state=bye", out.location().orElseThrow());

        JWTClaimsSet logoutToken = receiver.await(sid, Duration.ofSeconds(30));
        assertEquals(stack.issuer().toString(), logoutToken.getIssuer());
        assertEquals(List.of(clientId), logoutToken.getAudience());
        assertEquals(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject(), logoutToken.getSubject());
        assertTrue(logoutToken.getJSONObjectClaim("events")
                .containsKey("http://schemas.openid.net/event/backchannel-logout"));
        assertNull(logoutToken.getClaim("nonce"));
        assertRevoked(tokens.getOIDCTokens().getRefreshToken());

        Browser.Page silent = agent.open(authorizationRequest(new Scope("openid"), new CodeVerifier(), new Prompt(
                Prompt.Type.NONE)));
        assertEquals("login_required", AuthorizationResponse.parse(URI.create(silent.location().orElseThrow()))
                .toErrorResponse().getErrorObject().getCode(), "prompt=none after logout");
    }

    @Test
    @Order(2) // the user stays disabled
    void disablingTheUserRevokesOfflineTokensAndTellsTheClient() throws Exception {
        OIDCTokenResponse tokens = login(new UserAgent(stack.issuer()),
                new Scope("openid", "profile", "offline_access"));
        String sid = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("sid");

        admin.disableUser(username);

        assertEquals(sid, receiver.await(sid, Duration.ofSeconds(30)).getStringClaim("sid"));
        assertRevoked(tokens.getOIDCTokens().getRefreshToken());
    }
}
