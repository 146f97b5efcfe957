package dev.verifier.infra.kafka;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/** Kafka cluster ids are 16 bytes written in unpadded base64url. */
final class Uuids {

    private Uuids() {
    }

    static String clusterId(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits());
        bytes.putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
