package dev.verifier.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scrape of {@code /prometheus} in the text exposition format, read into samples, so that tests and checks can ask
 * "how much is this counter now" by name and a subset of labels.
 */
public final class PrometheusText {

    /** One line: metric name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {

        boolean matches(String wanted, Map<String, String> subset) {
            return name.equals(wanted) && labels.entrySet().containsAll(subset.entrySet());
        }
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(sample(trimmed));
            }
        }
        return new PrometheusText(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels} (0 when there is none). */
    public double sum(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.matches(name, labels)).mapToDouble(Sample::value).sum();
    }

    public double sum(String name, String... labelPairs) {
        return sum(name, pairs(labelPairs));
    }

    /** Whether any sample is named {@code name} with {@code labels} among its labels. */
    public boolean has(String name, String... labelPairs) {
        Map<String, String> labels = pairs(labelPairs);
        return samples.stream().anyMatch(s -> s.matches(name, labels));
    }

    private static Map<String, String> pairs(String... labelPairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return labels;
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            readLabels(line.substring(brace + 1, line.lastIndexOf('}')), labels);
        } else {
            name = line.substring(0, line.indexOf(' '));
        }
        String value = line.substring(line.indexOf(' ', Math.max(line.lastIndexOf('}'), 0)) + 1).strip();
        int blank = value.indexOf(' ');
        return new Sample(name, labels, number(blank < 0 ? value : value.substring(0, blank)));
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static void readLabels(String body, Map<String, String> labels) {
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0) {
                return;
            }
            String key = body.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (j < body.length() && body.charAt(j) != '"') {
                char c = body.charAt(j);
                if (c == '\\' && j + 1 < body.length()) {
                    char next = body.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            while (i < body.length() && (body.charAt(i) == ',' || body.charAt(i) == ' ')) {
                i++;
            }
        }
    }
}
