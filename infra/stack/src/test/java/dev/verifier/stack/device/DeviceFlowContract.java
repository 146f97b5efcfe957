package dev.verifier.stack.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.TokenChecks;
import dev.verifier.stack.support.UserAgent;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.testsupport.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The device flow (RFC 8628) across the four real services, with Nimbus oauth2-oidc-sdk as the independent device:
 * a public TV client registered with the device grant → device authorization → polling answers
 * {@code authorization_pending}, then {@code slow_down} when too fast → the user signs in on {@code /device},
 * confirms the code and approves → the next poll gets the tokens (validated; resource-api accepts the access token) →
 * a second redemption is {@code invalid_grant}; and a denial reaches the device as {@code access_denied}. Runs once per
 * database (subclasses); the stacks run with a 1 s interval.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeviceFlowContract {

    static final String PASSWORD = "correct horse battery staple";

    abstract Database database();

    VerifierStack stack;
    TokenChecks checks;
    ClientID tv;
    String username;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void registerClientAndUser() {
        stack = VerifierStack.on(database());
        Admin admin = new Admin(stack);
        checks = new TokenChecks(stack);
        tv = new ClientID(admin.registerClient(Map.of(
                "client_name", "E2E TV",
                "grant_types", List.of("urn:ietf:params:oauth:grant-type:device_code", "refresh_token"),
                "token_endpoint_auth_method", "none",
                "scope", "openid profile offline_access notes.read")).clientId());
        username = "tv-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(Map.of("username", username, "password", PASSWORD, "name", "TV Watcher"));
    }

    DeviceAuthorizationSuccessResponse authorizeDevice() throws Exception {
        DeviceAuthorizationRequest request = new DeviceAuthorizationRequest(
                stack.issuer().resolve("/device_authorization"), tv,
                new Scope("openid", "profile", "offline_access", "notes.read"));
        DeviceAuthorizationResponse response = DeviceAuthorizationResponse.parse(request.toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    TokenResponse poll(DeviceAuthorizationSuccessResponse device) throws Exception {
        TokenRequest request = new TokenRequest(stack.url(Service.TOKEN).resolve("/token"), tv,
                new DeviceCodeGrant(device.getDeviceCode()), null);
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    static String error(TokenResponse response) {
        assertFalse(response.indicatesSuccess(), "expected an error");
        return ((TokenErrorResponse) response).getErrorObject().getCode();
    }

    @Test
    void deviceIsApprovedOnTheDevicePageThenPollingGetsTokensOnce() throws Exception {
        DeviceAuthorizationSuccessResponse device = authorizeDevice();
        assertEquals(stack.issuer().resolve("/device"), device.getVerificationURI());
        assertTrue(device.getUserCode().getValue().matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"));
        assertEquals(1, device.getInterval());

        assertEquals("authorization_pending", error(poll(device)));
        assertSlowDownWhenPolledTooSoon(device);

        Browser.Page done = new UserAgent(stack.issuer()).decideDevice(device.getVerificationURIComplete(), username,
                PASSWORD, "approve");
        assertTrue(done.body().contains("Your device is connected"), done.body());

        // the interval is now 6 s (1 s + 5 s for the slow_down): wait it out, polling as a device would
        TokenResponse tokens = pollUntilAnswered(device, 7_000);
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        OIDCTokenResponse oidc = (OIDCTokenResponse) tokens.toSuccessResponse();
        BearerAccessToken accessToken = oidc.getOIDCTokens().getBearerAccessToken();
        JWTClaimsSet at = checks.accessToken(accessToken.getValue(), stack.url(Service.RESOURCE));
        assertEquals(tv.getValue(), at.getStringClaim("client_id"));
        assertNotNull(oidc.getOIDCTokens().getIDToken(), "openid gives an ID token");
        assertNotNull(oidc.getOIDCTokens().getRefreshToken(), "offline_access gives a refresh token");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(stack.url(Service.RESOURCE).resolve("/api/me"))
                .header("Authorization", accessToken.toAuthorizationHeader()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), api.body());

        assertEquals("invalid_grant", error(poll(device)), "a device code is redeemed once");
    }

    @Test
    void deviceDeniedOnTheDevicePageThenAccessDenied() throws Exception {
        DeviceAuthorizationSuccessResponse device = authorizeDevice();
        Browser.Page done = new UserAgent(stack.issuer()).decideDevice(device.getVerificationURIComplete(), username,
                PASSWORD, "deny");
        assertTrue(done.body().contains("Access denied"), done.body());
        TokenResponse answer = pollUntilAnswered(device, 1_000);
        assertEquals("access_denied", error(answer));
    }

    /**
     * Polls back to back until token-service answers slow_down. The first polls may come before token-service has the
     * device code's row (it arrives on Kafka), or a slow machine may space two polls further apart than the 1 s
     * interval: those answers are authorization_pending. Anything else, or no slow_down within 20 polls, fails.
     */
    void assertSlowDownWhenPolledTooSoon(DeviceAuthorizationSuccessResponse device) throws Exception {
        for (int i = 0; i < 20; i++) {
            String code = error(poll(device));
            if (code.equals("slow_down")) {
                return;
            }
            assertEquals("authorization_pending", code);
        }
        throw new AssertionError("polling back to back never got slow_down");
    }

    /** Polls at the device's interval (growing on slow_down) until the answer is no longer pending. */
    TokenResponse pollUntilAnswered(DeviceAuthorizationSuccessResponse device, long firstWaitMillis) throws Exception {
        long wait = firstWaitMillis;
        for (int i = 0; i < 10; i++) {
            Thread.sleep(wait);
            TokenResponse response = poll(device);
            if (response.indicatesSuccess()) {
                return response;
            }
            String code = error(response);
            if (code.equals("slow_down")) {
                wait += 5_000;
            } else if (!code.equals("authorization_pending")) {
                return response;
            }
        }
        throw new AssertionError("the device poll never got an answer");
    }
}
