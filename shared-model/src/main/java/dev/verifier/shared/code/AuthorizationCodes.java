package dev.verifier.shared.code;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.verifier.shared.crypto.SecretsCipher;

/**
 * The one rule for what an authorization code looks like, shared by the service that mints codes (authorize-service)
 * and the one that redeems them (token-service), so that token-service can tell at once, without the database and
 * without waiting for an event, whether a code can have been issued by us.
 * <p>
 * Format {@code c1.<kid>.<base64url(random || mac)>}: 256 random bits, then the first 128 bits of
 * HMAC-SHA256(k, random), where k is derived from key {@code kid} of the {@code VERIFIER_SECRETS_KEY} ring with the
 * fixed label {@value #LABEL} ({@link SecretsCipher#derivedKey}); the AES keys themselves are never used for this. The
 * current key mints; every key of the ring verifies, so the ring can rotate (add the new key first; drop the old one a
 * code lifetime later). Codes of the old format (43 characters of base64url, no MAC) are recognised by
 * {@link #isLegacy} so that a deployment may accept them during a rolling upgrade.
 */
public final class AuthorizationCodes {

    public static final String LABEL = "verifier authorization-code mac v1";
    /** The MAC label of device codes (RFC 8628), so that a device code is never an authorization code and back. */
    public static final String DEVICE_CODE_LABEL = "verifier device-code mac v1";
    static final String PREFIX = "c1.";
    static final String DEVICE_PREFIX = "d1.";
    static final int RANDOM_BYTES = 32;
    static final int MAC_BYTES = 16;
    private static final int MAX_LENGTH = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String currentKid;
    private final String prefix;
    private final Map<String, byte[]> macKeys = new LinkedHashMap<>();

    public AuthorizationCodes(SecretsCipher keyRing) {
        this(keyRing, LABEL, PREFIX);
    }

    private AuthorizationCodes(SecretsCipher keyRing, String label, String prefix) {
        this.currentKid = keyRing.currentKeyId();
        this.prefix = prefix;
        for (String kid : keyRing.keyIds()) {
            macKeys.put(kid, keyRing.derivedKey(kid, label).orElseThrow());
        }
    }

    /**
     * RFC 8628 device codes in the same format under their own prefix {@code d1.} and MAC label
     * ({@value #DEVICE_CODE_LABEL}): token-service refuses a made-up device code at once, and never takes an
     * authorization code for a device code or a device code for an authorization code.
     */
    public static AuthorizationCodes deviceCodes(SecretsCipher keyRing) {
        return new AuthorizationCodes(keyRing, DEVICE_CODE_LABEL, DEVICE_PREFIX);
    }

    /** A new code under the current key. */
    public String mint() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        byte[] mac = mac(macKeys.get(currentKid), random);
        byte[] both = Arrays.copyOf(random, RANDOM_BYTES + MAC_BYTES);
        System.arraycopy(mac, 0, both, RANDOM_BYTES, MAC_BYTES);
        return prefix + currentKid + "." + B64.encodeToString(both);
    }

    /** Whether {@code code} is of the current format with a valid MAC under a key of the ring (constant time). */
    public boolean isAuthentic(String code) {
        if (code == null || code.length() > MAX_LENGTH || !code.startsWith(prefix)) {
            return false;
        }
        int dot = code.lastIndexOf('.');
        if (dot <= prefix.length()) {
            return false;
        }
        byte[] key = macKeys.get(code.substring(prefix.length(), dot));
        byte[] both;
        try {
            both = Base64.getUrlDecoder().decode(code.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (key == null || both.length != RANDOM_BYTES + MAC_BYTES) {
            return false;
        }
        byte[] expected = mac(key, Arrays.copyOf(both, RANDOM_BYTES));
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(both, RANDOM_BYTES, both.length));
    }

    /** A code of the format issued before MACs: 256 random bits as 43 base64url characters. */
    public static boolean isLegacy(String code) {
        return code != null && code.length() == 43 && code.chars().allMatch(AuthorizationCodes::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static byte[] mac(byte[] key, byte[] random) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(random), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
