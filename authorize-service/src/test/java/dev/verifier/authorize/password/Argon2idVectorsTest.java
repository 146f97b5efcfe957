package dev.verifier.authorize.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Known answers: RFC 9106 §5.3 (Argon2id with secret and associated data) and the reference implementation's PHC strings. */
class Argon2idVectorsTest {

    @Test
    void rfc9106Section53Argon2idTagMatches() {
        byte[] tag = Argon2id.derive(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04),
                new Argon2Cost(32, 3, 4), 32);
        assertArrayEquals(HexFormat.ofDelimiter(" ").parseHex(
                "0d 64 0d f5 8d 78 76 6c 08 c0 37 a3 4a 8b 53 c9 d0 1e f0 45 2d 75 b6 5e b5 25 20 e9 6b 01 e6 59"), tag);
    }

    @Test
    void referenceImplementationPhcStringsAreReproducedByteForByte() {
        // phc-winner-argon2 src/test.c, password "password", salt "somesalt"
        assertReproduced("$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4");
        assertReproduced("$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc");
    }

    private static void assertReproduced(String phc) {
        Argon2idHash parsed = Argon2idHash.parse(phc).orElseThrow();
        byte[] computed = Argon2id.derive("password".getBytes(StandardCharsets.UTF_8), parsed.salt(), parsed.cost(),
                parsed.hash().length);
        assertEquals(phc, new Argon2idHash(parsed.cost(), parsed.salt(), computed).format());
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
