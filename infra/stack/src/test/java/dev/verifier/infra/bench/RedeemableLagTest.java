package dev.verifier.infra.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The lag line reads the run's codes from the difference of two scrapes of token-service's histogram. */
class RedeemableLagTest {

    private static Map<Double, Double> buckets(double... boundsAndCounts) {
        Map<Double, Double> buckets = new TreeMap<>();
        for (int i = 0; i < boundsAndCounts.length; i += 2) {
            buckets.put(boundsAndCounts[i], boundsAndCounts[i + 1]);
        }
        return buckets;
    }

    @Test
    void percentilesAndTheCodesOverTheObjectiveCountOnlyThisRun() {
        Map<Double, Double> before = buckets(0.0056, 100, 0.0168, 150, 0.02, 190, 0.0224, 195,
                Double.POSITIVE_INFINITY, 200);
        // this run: 1,000 codes, 700 within 5.6 ms, 985 within 16.8, 992 within 20, 996 within 22.4
        Map<Double, Double> after = buckets(0.0056, 800, 0.0168, 1135, 0.02, 1182, 0.0224, 1191,
                Double.POSITIVE_INFINITY, 1200);
        assertEquals("    code-issued → redeemable lag: p50 ≤ 5.6 ms, p99 ≤ 20.0 ms over 1000 codes; 8 over 20 ms "
                + "(0.80 %)", RedeemableLag.describe(before, after));
    }

    @Test
    void withoutTheObjectivesBucketOnlyThePercentiles() {
        Map<Double, Double> after = buckets(0.0056, 60, 0.0224, 99, 0.0280, 100, Double.POSITIVE_INFINITY, 100);
        assertEquals("    code-issued → redeemable lag: p50 ≤ 5.6 ms, p99 ≤ 22.4 ms over 100 codes",
                RedeemableLag.describe(Map.of(), after));
    }

    @Test
    void noCodesNoLine() {
        Map<Double, Double> same = buckets(0.02, 5, Double.POSITIVE_INFINITY, 5);
        assertNull(RedeemableLag.describe(same, same));
    }
}
