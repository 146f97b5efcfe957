package dev.verifier.authorize.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The user code rule of RFC 8628 §6.1, as plain logic. */
class UserCodesTest {

    @Test
    void generatedCodesUseOnlyTheTwentyConsonantsAndShowAsTwoGroupsOfFour() {
        for (int i = 0; i < 200; i++) {
            String code = UserCodes.generate();
            assertEquals(8, code.length());
            assertTrue(code.chars().allMatch(c -> "BCDFGHJKLMNPQRSTVWXZ".indexOf(c) >= 0), code);
            assertTrue(UserCodes.display(code).matches("[B-Z]{4}-[B-Z]{4}"));
        }
        // 20^8 codes: about 34.5 bits
        assertEquals(34.5, 8 * Math.log(20) / Math.log(2), 0.1);
    }

    @Test
    void entryIgnoresCaseDashesAndSpaces() {
        assertEquals(Optional.of("BCDFGHJK"), UserCodes.normalise("bcdf-ghjk"));
        assertEquals(Optional.of("BCDFGHJK"), UserCodes.normalise(" BCDF GHJK "));
        assertEquals(Optional.of("BCDFGHJK"), UserCodes.normalise("bcdfghjk"));
    }

    @Test
    void vowelsDigitsAndWrongLengthsAreNoCode() {
        assertEquals(Optional.empty(), UserCodes.normalise("ABCD-EFGH"));
        assertEquals(Optional.empty(), UserCodes.normalise("BCDF-GHJ1"));
        assertEquals(Optional.empty(), UserCodes.normalise("BCDF-GHJ"));
        assertEquals(Optional.empty(), UserCodes.normalise("BCDF-GHJKL"));
        assertEquals(Optional.empty(), UserCodes.normalise(null));
    }
}
