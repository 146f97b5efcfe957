package dev.verifier.authorize.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Known answers: RFC 9106 §5.3 (with secret and associated data, which only the Java implementation is asked for) and
 * the reference implementation's PHC strings for both implementations; and the two agree on random input, so each
 * verifies what the other wrote.
 */
class Argon2idVectorsTest {

    static List<Argon2Engine> engines() {
        return List.of(JavaArgon2.INSTANCE, NativeArgon2.load());
    }

    @Test
    void rfc9106Section53Argon2idTagMatches() {
        byte[] tag = JavaArgon2.INSTANCE.derive(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04),
                new Argon2Cost(32, 3, 4), 32);
        assertArrayEquals(HexFormat.ofDelimiter(" ").parseHex(
                "0d 64 0d f5 8d 78 76 6c 08 c0 37 a3 4a 8b 53 c9 d0 1e f0 45 2d 75 b6 5e b5 25 20 e9 6b 01 e6 59"), tag);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void referenceImplementationPhcStringsAreReproducedByteForByte(Argon2Engine engine) {
        // phc-winner-argon2 src/test.c, password "password", salt "somesalt"
        assertReproduced(engine,
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4");
        assertReproduced(engine,
                "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc");
    }

    @Test
    void theNativeAndTheJavaImplementationAgreeAndLeaveTheirInputAlone() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 5; i++) {
            byte[] password = new byte[1 + random.nextInt(64)];
            byte[] salt = new byte[16];
            random.nextBytes(password);
            random.nextBytes(salt);
            byte[] passwordCopy = password.clone();
            Argon2Cost cost = new Argon2Cost(64 + random.nextInt(512), 1 + random.nextInt(3), 1 + random.nextInt(2));

            byte[] byNative = NativeArgon2.load().derive(password, salt, cost, 32);

            assertArrayEquals(JavaArgon2.INSTANCE.derive(password, salt, cost, 32), byNative, cost.toString());
            assertArrayEquals(passwordCopy, password, "the password bytes are not wiped or changed");
        }
    }

    @Test
    void theNativeImplementationIsChosenWhereItLoadsAndTheJavaOneWhenItIsTurnedOff() {
        assertInstanceOf(NativeArgon2.class, Argon2Engines.choose(true), "this platform loads libargon2");
        assertSame(JavaArgon2.INSTANCE, Argon2Engines.choose(false));
    }

    @Test
    void anImplementationThatComputesAWrongTagIsNotTaken() {
        Argon2Engine wrong = new Argon2Engine() {
            @Override
            public byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int length) {
                return JavaArgon2.INSTANCE.derive(password, salt, new Argon2Cost(cost.memoryKib(),
                        cost.iterations() + 1, cost.parallelism()), length); // one pass too many
            }

            @Override
            public String description() {
                return "wrong";
            }
        };
        assertFalse(Argon2Engines.reproducesKnownAnswer(wrong));
        assertTrue(Argon2Engines.reproducesKnownAnswer(JavaArgon2.INSTANCE));
        assertTrue(Argon2Engines.reproducesKnownAnswer(NativeArgon2.load()));
    }

    private static void assertReproduced(Argon2Engine engine, String phc) {
        Argon2idHash parsed = Argon2idHash.parse(phc).orElseThrow();
        byte[] computed = engine.derive("password".getBytes(StandardCharsets.UTF_8), parsed.salt(), parsed.cost(),
                parsed.hash().length);
        assertEquals(phc, new Argon2idHash(parsed.cost(), parsed.salt(), computed).format());
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
