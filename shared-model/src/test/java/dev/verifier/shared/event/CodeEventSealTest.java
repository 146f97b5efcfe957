package dev.verifier.shared.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The sealed code-issued wire format: confidential, authenticated, bound to its record key, rotatable by key id. */
class CodeEventSealTest {

    static final String OLD = "ev1:" + "A".repeat(42) + "E";
    static final String NEW = "ev2:" + "B".repeat(42) + "E";
    static final byte[] JSON = "{\"subject\":\"alice\",\"claims\":{\"email\":\"alice@example.com\"}}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedRecordOpensWithTheRingAndHidesItsContent() throws Exception {
        CodeEventSeal seal = CodeEventSeal.fromKeyRing(OLD);
        byte[] value = seal.seal("hash-1", JSON);
        String wire = new String(value, StandardCharsets.US_ASCII);
        assertTrue(wire.startsWith("v2.ev1."), wire);
        assertFalse(wire.contains("alice"));
        assertArrayEquals(JSON, seal.open("hash-1", value));
    }

    @Test
    void recordUnderAnotherRecordKeyOrAlteredIsUnauthenticated() {
        CodeEventSeal seal = CodeEventSeal.fromKeyRing(OLD);
        byte[] value = seal.seal("hash-1", JSON);
        assertEquals("unauthenticated", assertThrows(CodeEventSeal.RefusedException.class,
                () -> seal.open("hash-2", value)).reason());
        value[value.length - 2] = (byte) (value[value.length - 2] == 'A' ? 'B' : 'A');
        assertEquals("unauthenticated", assertThrows(CodeEventSeal.RefusedException.class,
                () -> seal.open("hash-1", value)).reason());
    }

    @Test
    void rotationNewKeyFirstSealsWithItAndStillOpensTheOld() throws Exception {
        byte[] old = CodeEventSeal.fromKeyRing(OLD).seal("h", JSON);
        CodeEventSeal rotated = CodeEventSeal.fromKeyRing(NEW + "," + OLD);
        assertArrayEquals(JSON, rotated.open("h", old));
        assertTrue(new String(rotated.seal("h", JSON), StandardCharsets.US_ASCII).startsWith("v2.ev2."));
        assertEquals("unknown_key", assertThrows(CodeEventSeal.RefusedException.class,
                () -> CodeEventSeal.fromKeyRing(NEW).open("h", old)).reason());
    }

    @Test
    void plainJsonAndGarbageAreRefused() {
        CodeEventSeal seal = CodeEventSeal.fromKeyRing(OLD);
        assertEquals("not_sealed", assertThrows(CodeEventSeal.RefusedException.class,
                () -> seal.open("h", JSON)).reason());
        assertEquals("malformed", assertThrows(CodeEventSeal.RefusedException.class,
                () -> seal.open("h", "v2.ev1.!!".getBytes(StandardCharsets.US_ASCII))).reason());
    }

    @Test
    void missingOrMalformedRingStopsTheStartSayingWhatToSet() {
        assertTrue(assertThrows(IllegalStateException.class, () -> CodeEventSeal.fromKeyRing(null)).getMessage()
                .contains("VERIFIER_EVENT_KEYS is not set"));
        assertTrue(assertThrows(IllegalStateException.class, () -> CodeEventSeal.fromKeyRing("ev1:c2hvcnQ"))
                .getMessage().contains("must be 32 bytes"));
        assertTrue(assertThrows(IllegalStateException.class, () -> CodeEventSeal.fromKeyRing("nokid"))
                .getMessage().contains("kid:base64url-32-bytes"));
    }

    @Test
    void aRecordSealedForOneTopicDoesNotOpenAsAnotherTopicsRecord() throws Exception {
        CodeEventSeal code = CodeEventSeal.fromKeyRing(OLD);
        CodeEventSeal device = code.forTopic(Topics.DEVICE_GRANT);
        byte[] forDevice = device.seal("h", JSON);
        assertArrayEquals(JSON, device.open("h", forDevice));
        assertEquals("unauthenticated", assertThrows(CodeEventSeal.RefusedException.class,
                () -> code.open("h", forDevice)).reason());
        byte[] forCode = code.seal("h", JSON);
        assertEquals("unauthenticated", assertThrows(CodeEventSeal.RefusedException.class,
                () -> device.open("h", forCode)).reason());
    }
}
