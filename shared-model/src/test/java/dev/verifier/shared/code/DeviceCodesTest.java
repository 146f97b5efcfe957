package dev.verifier.shared.code;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verifier.shared.crypto.SecretsCipher;
import org.junit.jupiter.api.Test;

/** Device codes (RFC 8628) share the authorization codes' format but not their MAC domain. */
class DeviceCodesTest {

    static final SecretsCipher RING = SecretsCipher.fromKeyRing("k1:" + "A".repeat(42) + "E");

    @Test
    void deviceCodesAndAuthorizationCodesNeverPassForEachOther() {
        AuthorizationCodes codes = new AuthorizationCodes(RING);
        AuthorizationCodes deviceCodes = AuthorizationCodes.deviceCodes(RING);
        String device = deviceCodes.mint();
        String code = codes.mint();
        assertTrue(device.startsWith("d1.k1."), device);
        assertTrue(deviceCodes.isAuthentic(device));
        assertTrue(codes.isAuthentic(code));
        assertFalse(codes.isAuthentic(device));
        assertFalse(deviceCodes.isAuthentic(code));
        // the same random part and MAC under the other prefix: the MAC label differs, so it fails
        assertFalse(deviceCodes.isAuthentic("d1." + code.substring(3)));
        assertFalse(codes.isAuthentic("c1." + device.substring(3)));
    }
}
