package dev.verifier.shared.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The bounds a consumer checks on a device-grant event before it stores anything. */
class DeviceGrantEventTest {

    static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");
    static final DeviceGrantEvent PENDING = new DeviceGrantEvent(1, "hash", "tv", DeviceGrantEvent.Status.PENDING,
            "openid", null, 5, NOW, NOW.plusSeconds(600), null);

    @Test
    void aCompleteEventUnderItsOwnKeyIsAccepted() {
        assertEquals(Optional.empty(), PENDING.problem("hash"));
        assertEquals(List.of(), PENDING.resources());
        DeviceGrantEvent approved = PENDING.decided(DeviceGrantEvent.Status.APPROVED, new DeviceGrantEvent.Approval(
                "alice", NOW, "urn:verifier:acr:pwd", List.of("pwd"), "sid", Map.of("sub", "alice")));
        assertEquals(Optional.empty(), approved.problem("hash"));
    }

    @Test
    void anotherKeyAMissingApprovalOrAnApprovalWithoutApprovedAreRefused() {
        assertTrue(PENDING.problem("other").isPresent());
        assertTrue(PENDING.decided(DeviceGrantEvent.Status.APPROVED, null).problem("hash").isPresent());
        assertTrue(PENDING.decided(DeviceGrantEvent.Status.DENIED, new DeviceGrantEvent.Approval("alice", NOW, null,
                List.of(), null, Map.of())).problem("hash").isPresent());
        assertTrue(new DeviceGrantEvent(1, "hash", "tv", DeviceGrantEvent.Status.PENDING, "openid", null, 0, NOW,
                NOW, null).problem("hash").isPresent(), "interval 0");
    }
}
