package dev.verifier.infra.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code-issued → redeemable lag over a measured run, from token-service's {@code verifier_code_redeemable_lag_seconds}
 * histogram on {@code /prometheus}: the bucket counts before and after, and the upper bound of the bucket that holds the
 * 50th and 99th percentile of the codes issued in between (so "≤ x ms", at the histogram's resolution), then how many
 * of those codes took longer than the 20 ms objective (token-service's histogram has a bucket ending there).
 */
final class RedeemableLag {

    private static final Pattern BUCKET = Pattern.compile(
            "^verifier_code_redeemable_lag_seconds_bucket\\{[^}]*le=\"([0-9.eE+-]+|\\+Inf)\"[^}]*} ([0-9.eE+-]+)$",
            Pattern.MULTILINE);

    /** The lag objective (token-service's {@code TokenMetrics.REDEEMABLE_LAG_OBJECTIVE}), as its bucket's bound. */
    static final double OBJECTIVE_SECONDS = 0.02;

    private final HttpClient http;
    private final URI prometheus;

    RedeemableLag(HttpClient http, String tokenServiceBase) {
        this.http = http;
        this.prometheus = URI.create(tokenServiceBase + "/prometheus");
    }

    /** Cumulative count per bucket upper bound (seconds); empty when the histogram cannot be read. */
    Map<Double, Double> buckets() {
        Map<Double, Double> counts = new TreeMap<>();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(prometheus).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return counts;
            }
            Matcher m = BUCKET.matcher(answer.body());
            while (m.find()) {
                double le = "+Inf".equals(m.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                counts.merge(le, Double.parseDouble(m.group(2)), Double::sum);
            }
        } catch (java.io.IOException e) {
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return counts;
    }

    /**
     * "code-issued → redeemable lag: p50 ≤ a ms, p99 ≤ b ms over n codes; m over 20 ms (x %)", or null when nothing was
     * recorded (the last part only when the histogram has the objective's bucket).
     */
    static String describe(Map<Double, Double> before, Map<Double, Double> after) {
        double total = delta(before, after, Double.POSITIVE_INFINITY);
        if (total <= 0) {
            return null;
        }
        String line = String.format("    code-issued → redeemable lag: p50 ≤ %s, p99 ≤ %s over %.0f codes",
                bound(before, after, total * 0.50), bound(before, after, total * 0.99), total);
        if (!after.containsKey(OBJECTIVE_SECONDS)) {
            return line;
        }
        double over = total - delta(before, after, OBJECTIVE_SECONDS);
        return line + String.format("; %.0f over %.0f ms (%.2f %%)", over, OBJECTIVE_SECONDS * 1000,
                100 * over / total);
    }

    private static double delta(Map<Double, Double> before, Map<Double, Double> after, double le) {
        return after.getOrDefault(le, 0.0) - before.getOrDefault(le, 0.0);
    }

    private static String bound(Map<Double, Double> before, Map<Double, Double> after, double rank) {
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = delta(before, after, bucket.getKey());
            if (count >= rank) {
                return bucket.getKey().isInfinite() ? "∞" : String.format("%.1f ms", bucket.getKey() * 1000);
            }
        }
        return "∞";
    }
}
