package dev.verifier.shared.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import dev.verifier.shared.crypto.AesKeyRing;

/**
 * The wire format of {@link Topics#CODE_ISSUED} records (schema version 2): the whole {@link CodeIssued} JSON is
 * encrypted and authenticated with AES-256-GCM under the event key ring {@code VERIFIER_EVENT_KEYS}
 * ({@code kid:base64url-32-bytes[,kid:key…]}: the first key seals, every key opens, so a key rotates by adding the new
 * one in front everywhere, then removing the old one once no record under it can be in flight). The record value is
 * the ASCII text {@code v2.<kid>.<base64url iv>.<base64url ciphertext+tag>}; the associated data binds the format,
 * the key id and the record key (the code hash), so a record cannot be replayed under another code hash. Only
 * authorize-service (seals) and token-service (opens) hold the ring: a topic reader sees neither claims nor subjects,
 * and a topic writer without the key cannot forge a code.
 */
public final class CodeEventSeal {

    public static final String PREFIX = "v2.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private final AesKeyRing ring;
    private final String topic;

    private CodeEventSeal(AesKeyRing ring, String topic) {
        this.ring = ring;
        this.topic = topic;
    }

    /**
     * The same key ring bound to another topic's records (the topic is in the associated data, so a record sealed
     * for one topic never opens as a record of another): {@link Topics#DEVICE_GRANT}.
     */
    public CodeEventSeal forTopic(String otherTopic) {
        return new CodeEventSeal(ring, otherTopic);
    }

    /** Why a record could not be opened: the reason counted and audited, never the record's content. */
    public static final class RefusedException extends Exception {
        private final String reason;

        public RefusedException(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * Parses {@code VERIFIER_EVENT_KEYS}; a missing or malformed ring stops the service at start-up with what to set.
     */
    public static CodeEventSeal fromKeyRing(String keyRing) {
        try {
            return new CodeEventSeal(AesKeyRing.parse("VERIFIER_EVENT_KEYS", keyRing), Topics.CODE_ISSUED);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + ": give authorize-service and token-service the same key "
                    + "ring kid:base64url-32-bytes[,kid:key...], e.g. ev1:$(head -c 32 /dev/urandom | base64 | "
                    + "tr '+/' '-_' | tr -d '=\\n')");
        }
    }

    public String currentKeyId() {
        return ring.currentKeyId();
    }

    /** The record value for {@code json} (the CodeIssued JSON) published under record key {@code codeHash}. */
    public byte[] seal(String codeHash, byte[] json) {
        byte[] iv = AesKeyRing.newIv();
        String kid = ring.currentKeyId();
        byte[] sealed = ring.seal(iv, json, associatedData(kid, codeHash));
        return (PREFIX + kid + "." + B64.encodeToString(iv) + "." + B64.encodeToString(sealed))
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static boolean isSealed(byte[] value) {
        return value != null && value.length > PREFIX.length()
                && new String(value, 0, PREFIX.length(), StandardCharsets.US_ASCII).equals(PREFIX);
    }

    /** The CodeIssued JSON of a sealed record; refused when malformed, under an unknown key, or altered. */
    public byte[] open(String codeHash, byte[] value) throws RefusedException {
        if (!isSealed(value)) {
            throw new RefusedException("not_sealed");
        }
        String[] parts = new String(value, StandardCharsets.US_ASCII).split("\\.");
        if (parts.length != 4) {
            throw new RefusedException("malformed");
        }
        if (!ring.has(parts[1])) {
            throw new RefusedException("unknown_key");
        }
        try {
            byte[] iv = D64.decode(parts[2]);
            if (iv.length != AesKeyRing.IV_BYTES) {
                throw new RefusedException("malformed");
            }
            return ring.open(parts[1], iv, D64.decode(parts[3]), associatedData(parts[1], codeHash));
        } catch (IllegalArgumentException e) {
            throw new RefusedException("malformed");
        } catch (GeneralSecurityException e) {
            throw new RefusedException("unauthenticated");
        }
    }

    private byte[] associatedData(String kid, String codeHash) {
        return (topic + "|" + PREFIX + kid + "|" + (codeHash == null ? "" : codeHash))
                .getBytes(StandardCharsets.UTF_8);
    }
}
