package dev.verifier.authorize.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The PHC string format: formatted as the reference implementation does, parsed back exactly, anything else refused. */
class Argon2idHashTest {

    static final String VALID = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

    @Test
    void parseThenFormatRoundTripsTheParametersSaltAndHash() {
        Argon2idHash parsed = Argon2idHash.parse(VALID).orElseThrow();
        assertEquals(new Argon2Cost(256, 2, 1), parsed.cost());
        assertArrayEquals("somesalt".getBytes(StandardCharsets.US_ASCII), parsed.salt());
        assertEquals(32, parsed.hash().length);
        assertEquals(VALID, parsed.format());
    }

    @Test
    void formatUsesStandardBase64WithoutPadding() {
        byte[] salt = new byte[16];
        java.util.Arrays.fill(salt, (byte) 0xfb); // encodes to '+' and '/' characters in standard base64
        String phc = new Argon2idHash(new Argon2Cost(19456, 2, 1), salt, new byte[32]).format();
        assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$+/v7+/v7+/v7+/v7+/v7+w$"), phc);
        assertTrue(!phc.substring(phc.indexOf("p=1$") + 4).contains("="), "no padding: " + phc);
    }

    static final List<String> MALFORMED = List.of(
            "",
            "$argon2id$",
            "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=9999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=0$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi_4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNh$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQ",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$",
            "$argon2id$v=19$m=256,t=2,p=1,keyid=x$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            // 45 characters: no base64 length
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4ab",
            " $argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4");

    @Test
    void malformedPhcStringsAreNotArgon2idHashes() {
        for (String malformed : MALFORMED) {
            assertTrue(Argon2idHash.parse(malformed).isEmpty(), malformed);
        }
    }

    @Test
    void nullIsNotAnArgon2idHash() {
        assertTrue(Argon2idHash.parse(null).isEmpty());
    }
}
