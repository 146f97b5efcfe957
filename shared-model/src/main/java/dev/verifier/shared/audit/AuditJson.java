package dev.verifier.shared.audit;

import java.util.Map;

/**
 * The JSON of an {@link AuditEvent}, written by hand: the same object, with the same names and order, as the record's
 * serde mapping writes (snake_case; absent and empty values left out), without a serializer looked up and a generator
 * set up for every event. Audit events are written on every token issued, so this was 7 % of token-service's samples
 * during client_credentials (docs/performance.md). {@code AuditJsonTest} compares the two byte for byte.
 */
public final class AuditJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AuditJson() {
    }

    /** The event as JSON: one object, no line break. */
    public static String write(AuditEvent event) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"time\":\"").append(event.time()).append('"');
        field(out, "type", event.type());
        field(out, "service", event.service());
        field(out, "actor", event.actor());
        field(out, "client_id", event.clientId());
        field(out, "subject", event.subject());
        field(out, "source_address", event.sourceAddress());
        field(out, "trace_id", event.traceId());
        field(out, "outcome", event.outcome());
        if (!event.details().isEmpty()) {
            out.append(",\"details\":{");
            boolean first = true;
            for (Map.Entry<String, String> detail : event.details().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, detail.getKey());
                out.append(':');
                string(out, detail.getValue());
            }
            out.append('}');
        }
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.append(",\"").append(name).append("\":");
            string(out, value);
        }
    }

    /**
     * A JSON string (RFC 8259 §7): quotation mark, reverse solidus and control characters escaped, and, as the serde
     * mapping does, each half of a character outside the Basic Multilingual Plane (a surrogate) as a six-character
     * escape: backslash, {@code u}, four upper-case hexadecimal digits.
     */
    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                                .append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
