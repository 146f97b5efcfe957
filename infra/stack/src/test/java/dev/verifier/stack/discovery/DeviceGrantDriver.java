package dev.verifier.stack.discovery;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.verifier.stack.support.UserAgent;
import dev.verifier.testsupport.Browser;

/**
 * Drives the advertised device grant (RFC 8628) through the advertised {@code device_authorization_endpoint} and
 * {@code token_endpoint}: a device authorization, the user's approval on the device page, then polls at the
 * answered interval until the tokens come.
 */
final class DeviceGrantDriver {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private DeviceGrantDriver() {
    }

    static TokenResponse approvedTokens(JsonNode discovery, URI issuer, String clientId, String username,
                                        String password) throws Exception {
        DeviceAuthorizationResponse started = DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest(
                URI.create(discovery.path("device_authorization_endpoint").asText()), new ClientID(clientId),
                new Scope("openid")).toHTTPRequest().send());
        if (!started.indicatesSuccess()) {
            throw new AssertionError("device authorization refused: " + started.toErrorResponse().getErrorObject());
        }
        DeviceAuthorizationSuccessResponse device = started.toSuccessResponse();
        Browser.Page done = new UserAgent(issuer).decideDevice(device.getVerificationURIComplete(), username, password,
                "approve");
        if (done.status() != 200) {
            throw new AssertionError("approval failed: " + done.body());
        }
        long interval = Math.max(1, device.getInterval());
        for (int i = 0; i < 5; i++) {
            Thread.sleep(interval * 1000 + 100);
            TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(
                    URI.create(discovery.path("token_endpoint").asText()), new ClientID(clientId),
                    new DeviceCodeGrant(device.getDeviceCode()), null).toHTTPRequest().send());
            if (response.indicatesSuccess()) {
                return response;
            }
            String error = ((TokenErrorResponse) response).getErrorObject().getCode();
            if (error.equals("slow_down")) {
                interval += 5;
            } else if (!error.equals("authorization_pending")) {
                return response;
            }
        }
        throw new AssertionError("the device never got its tokens");
    }
}
