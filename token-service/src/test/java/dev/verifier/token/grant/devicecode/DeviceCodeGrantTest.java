package dev.verifier.token.grant.devicecode;

import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.event.CodeEventSeal;
import dev.verifier.shared.event.DeviceGrantEvent;
import dev.verifier.shared.event.Topics;
import dev.verifier.token.device.DeviceGrantRecord;
import dev.verifier.token.device.DeviceGrantRepository;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.DevicePublisher;
import dev.verifier.token.support.DevicePublisher.Device;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.testsupport.DPoPProofs;
import dev.verifier.token.dpop.DPoPTokenEndpointTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The device authorization grant at /token (RFC 8628 §3.4, §3.5) over real HTTP, with its device-grant events
 * delivered by the real broker, sealed as authorize-service seals them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "DeviceCodeGrantTest")
class DeviceCodeGrantTest extends TokenHttpTest {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String SCOPE = "openid profile offline_access";

    @Inject
    DevicePublisher publisher;
    @Inject
    DeviceGrantRepository rows;
    @Inject
    VerifierUrls urls;

    TestClients.Client tv;
    TestClients.Client confidentialTv;

    @BeforeAll
    void setUp() throws InterruptedException {
        tv = clients.register("none", SCOPE, GRANT);
        confidentialTv = clients.register("client_secret_basic", SCOPE, GRANT);
        Device warmUp = DevicePublisher.device(tv.id(), SCOPE, 5, 600);
        publisher.publish(warmUp.pending());
        await(warmUp, r -> true, Duration.ofSeconds(30));
    }

    @Test
    void pollWhenUserHasNotDecidedThenAuthorizationPendingWithNoStore() throws InterruptedException {
        Device device = published(tv, 5, 600);
        Http.Answer answer = poll(tv, device.code());
        assertEquals(400, answer.status());
        assertEquals("authorization_pending", answer.string("error"));
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void pollBeforeTheEventArrivedThenAuthorizationPending() {
        Device neverPublished = DevicePublisher.device(tv.id(), SCOPE, 5, 600);
        assertEquals("authorization_pending", poll(tv, neverPublished.code()).string("error"));
    }

    @Test
    void pollFasterThanIntervalThenSlowDownAndIntervalGrowsByFiveSeconds() throws InterruptedException {
        Device device = published(tv, 5, 600);
        assertEquals("authorization_pending", poll(tv, device.code()).string("error"));
        Http.Answer tooSoon = poll(tv, device.code());
        assertEquals(400, tooSoon.status());
        assertEquals("slow_down", tooSoon.string("error"));
        assertEquals(10, rows.findById(device.pending().deviceCodeHash()).orElseThrow().intervalSeconds());
        assertEquals("slow_down", poll(tv, device.code()).string("error"));
        assertEquals(15, rows.findById(device.pending().deviceCodeHash()).orElseThrow().intervalSeconds());
    }

    @Test
    void pollAfterTheIntervalThenPendingAgain() throws InterruptedException {
        Device device = published(tv, 1, 600);
        assertEquals("authorization_pending", poll(tv, device.code()).string("error"));
        Thread.sleep(1100);
        assertEquals("authorization_pending", poll(tv, device.code()).string("error"));
    }

    @Test
    void pollAfterExpiryThenExpiredToken() throws InterruptedException {
        Device device = published(tv, 1, 1);
        Thread.sleep(1100);
        Http.Answer answer = poll(tv, device.code());
        assertEquals(400, answer.status());
        assertEquals("expired_token", answer.string("error"));
    }

    @Test
    void pollAfterUserDeniedThenAccessDenied() throws InterruptedException {
        Device device = published(tv, 5, 600);
        publisher.publish(device.denied());
        await(device, r -> r.status().equals("DENIED"), Duration.ofSeconds(10));
        Http.Answer answer = poll(tv, device.code());
        assertEquals(400, answer.status());
        assertEquals("access_denied", answer.string("error"));
    }

    @Test
    void pollAfterApprovalThenTokensOnceAndSecondRedemptionInvalidGrant() throws Exception {
        Device device = published(tv, 5, 600);
        publisher.publish(device.approvedBy("user-device-1"));
        await(device, r -> r.status().equals("APPROVED"), Duration.ofSeconds(10));
        Http.Answer tokens = poll(tv, device.code());
        assertEquals(200, tokens.status(), tokens.raw().body());
        assertEquals("no-store", tokens.header("Cache-Control"));
        assertEquals("Bearer", tokens.string("token_type"));
        assertNotNull(tokens.string("refresh_token"), "offline_access was granted");
        SignedJWT access = SignedJWT.parse(tokens.string("access_token"));
        assertEquals("user-device-1", access.getJWTClaimsSet().getSubject());
        assertEquals(tv.id(), access.getJWTClaimsSet().getStringClaim("client_id"));
        SignedJWT id = SignedJWT.parse(tokens.string("id_token"));
        assertEquals(List.of(tv.id()), id.getJWTClaimsSet().getAudience());
        assertEquals("Device User", id.getJWTClaimsSet().getStringClaim("name"));

        Http.Answer again = poll(tv, device.code());
        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.string("error"));

        Http.Answer refreshed = http.post("/token", form("grant_type", "refresh_token",
                "refresh_token", tokens.string("refresh_token"), "client_id", tv.id()));
        assertEquals(200, refreshed.status(), refreshed.raw().body());
    }

    @Test
    void pollWithADPoPProofThenTokensBoundToTheKeyAndThePublicClientsRefreshTokenToo() throws Exception {
        DPoPProofs key = DPoPProofs.ec();
        String tokenUrl = urls.tokenEndpoint().toString();
        Device device = published(tv, 5, 600);
        publisher.publish(device.approvedBy("user-device-dpop"));
        await(device, r -> r.status().equals("APPROVED"), Duration.ofSeconds(10));
        Http.Answer tokens = http.post("/token", form("grant_type", GRANT, "device_code", device.code(),
                "client_id", tv.id()), "DPoP", key.proof("POST", tokenUrl));
        assertEquals(200, tokens.status(), tokens.raw().body());
        assertEquals("DPoP", tokens.string("token_type"));
        assertEquals(key.jkt(), DPoPTokenEndpointTest.cnfJkt(tokens.string("access_token")));

        Http.Answer withoutProof = http.post("/token", form("grant_type", "refresh_token",
                "refresh_token", tokens.string("refresh_token"), "client_id", tv.id()));
        assertEquals(400, withoutProof.status());
        assertEquals("invalid_grant", withoutProof.string("error"), "a public client's refresh token is bound");
        Http.Answer withProof = http.post("/token", form("grant_type", "refresh_token",
                "refresh_token", tokens.string("refresh_token"), "client_id", tv.id()),
                "DPoP", key.proof("POST", tokenUrl));
        assertEquals(200, withProof.status(), withProof.raw().body());
        assertEquals(key.jkt(), DPoPTokenEndpointTest.cnfJkt(withProof.string("access_token")));
    }

    @Test
    void confidentialClientAuthenticatesAtTokenAsForOtherGrants() throws InterruptedException {
        Device device = published(confidentialTv, 5, 600);
        Http.Answer wrongSecret = http.post("/token", form("grant_type", GRANT, "device_code", device.code()),
                "Authorization", Http.basic(confidentialTv.id(), "not-the-secret"));
        assertEquals(401, wrongSecret.status());
        assertEquals("invalid_client", wrongSecret.string("error"));
        Http.Answer pending = http.post("/token", form("grant_type", GRANT, "device_code", device.code()),
                "Authorization", Http.basic(confidentialTv.id(), confidentialTv.secret()));
        assertEquals("authorization_pending", pending.string("error"));
    }

    @Test
    void deviceCodeOfAnotherClientThenInvalidGrant() throws InterruptedException {
        TestClients.Client other = clients.register("none", SCOPE, GRANT);
        Device device = published(tv, 5, 600);
        assertEquals("invalid_grant", poll(other, device.code()).string("error"));
    }

    @Test
    void madeUpOrAuthorizationCodeAsDeviceCodeThenInvalidGrant() {
        assertEquals("invalid_grant", poll(tv, "d1.test.made-up").string("error"));
        assertEquals("invalid_grant", poll(tv, Codes.mintedButNeverIssued()).string("error"));
        Http.Answer missing = http.post("/token", form("grant_type", GRANT, "client_id", tv.id()));
        assertEquals("invalid_request", missing.string("error"));
    }

    @Test
    void clientNotRegisteredForTheDeviceGrantThenUnauthorizedClient() {
        TestClients.Client web = clients.register("none", SCOPE, "authorization_code");
        Device device = DevicePublisher.device(web.id(), SCOPE, 5, 600);
        Http.Answer answer = poll(web, device.code());
        assertEquals(400, answer.status());
        assertEquals("unauthorized_client", answer.string("error"));
    }

    @Test
    void forgedOrMisboundApprovalIsRefusedAndTheDeviceStaysPending() throws InterruptedException {
        Device device = published(tv, 1, 600);
        DeviceGrantEvent approval = device.approvedBy("attacker");
        // sealed under a key the services do not hold
        CodeEventSeal foreign = CodeEventSeal.fromKeyRing("evil:AQx2Ceepuwes3ZBOc6rFbh-NuuM4TKqHkbYjGzvhfDA")
                .forTopic(Topics.DEVICE_GRANT);
        publisher.publishRaw(approval.deviceCodeHash(), foreign.seal(approval.deviceCodeHash(), publisher.json(approval)));
        // sealed with the right key but for the code-issued topic
        CodeEventSeal codeTopic = CodeEventSeal.fromKeyRing(dev.verifier.token.support.CodePublisher.EVENT_KEYS);
        publisher.publishRaw(approval.deviceCodeHash(), codeTopic.seal(approval.deviceCodeHash(), publisher.json(approval)));
        // plain JSON
        publisher.publishRaw(approval.deviceCodeHash(), publisher.json(approval));
        // a genuine event after them on the same partition: once it is stored, the forged ones were handled
        Device marker = DevicePublisher.device(tv.id(), SCOPE, 5, 600);
        publisher.publish(marker.pending());
        await(marker, r -> true, Duration.ofSeconds(10));
        assertEquals("PENDING", rows.findById(device.pending().deviceCodeHash()).orElseThrow().status());
        assertEquals("authorization_pending", poll(tv, device.code()).string("error"));
    }

    Http.Answer poll(TestClients.Client client, String deviceCode) {
        return http.post("/token", form("grant_type", GRANT, "device_code", deviceCode, "client_id", client.id()));
    }

    Device published(TestClients.Client client, int interval, long lifetime) throws InterruptedException {
        Device device = DevicePublisher.device(client.id(), SCOPE, interval, lifetime);
        publisher.publish(device.pending());
        await(device, r -> true, Duration.ofSeconds(10));
        return device;
    }

    void await(Device device, Predicate<DeviceGrantRecord> state, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (rows.findById(device.pending().deviceCodeHash()).filter(state).isPresent()) {
                return;
            }
            Thread.sleep(50);
        }
        assertTrue(rows.findById(device.pending().deviceCodeHash()).filter(state).isPresent(), "device event stored");
    }
}
