package dev.verifier.stack.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The lines of one run's logs, each with where it came from, its level, and its searchable text: the line as written
 * and, for a JSON line, every string value in it unescaped (message, MDC, exception), so that a secret is found
 * however the encoder escaped it.
 */
final class LogLines {

    /** One log line. {@code level} is empty when the line is not a log event (a JVM warning, a stack trace line). */
    record Line(String source, int number, String level, String logger, String raw, String text) {

        boolean contains(String needle) {
            return text.contains(needle);
        }

        @Override
        public String toString() {
            return source + ":" + number + " " + (raw.length() > 600 ? raw.substring(0, 600) + "…" : raw);
        }
    }

    /** Any JWS in compact form: three base64url parts, the first two JSON objects ("eyJ"). */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");

    private static final Pattern TEXT_LEVEL = Pattern.compile("^\\S+ (TRACE|DEBUG|INFO|WARN|ERROR) +\\[[^]]*] (\\S+) ");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogLines() {
    }

    /** Every line of {@code file}, named {@code source}. */
    static List<Line> read(String source, Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(line(source, ++number, raw));
        }
        return lines;
    }

    /** A line written by a logger of this JVM (level and logger known, text as the text pattern would show it). */
    static Line event(String source, int number, String level, String logger, String text) {
        return new Line(source, number, level, logger, text, text);
    }

    private static Line line(String source, int number, String raw) {
        if (raw.startsWith("{")) {
            try {
                JsonNode event = JSON.readTree(raw);
                StringBuilder text = new StringBuilder(raw);
                strings(event, text);
                return new Line(source, number, event.path("level").asText(""), event.path("loggerName").asText(""),
                        raw, text.toString());
            } catch (IOException notJson) {
                return new Line(source, number, "", "", raw, raw);
            }
        }
        var m = TEXT_LEVEL.matcher(raw);
        return m.find() ? new Line(source, number, m.group(1), m.group(2), raw, raw)
                : new Line(source, number, "", "", raw, raw);
    }

    private static void strings(JsonNode node, StringBuilder into) {
        if (node.isTextual()) {
            into.append('\n').append(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> strings(child, into));
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                    into.append('\n').append(field.getKey());
                }
            }
        }
    }
}
