package dev.verifier.shared.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written audit JSON is, byte for byte, what the record's serde mapping writes (and reads back the same). */
class AuditJsonTest {

    private final JsonMapper json = JsonMapper.createDefault();

    static Stream<AuditEvent> events() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("scope", "openid profile");
        details.put("grant_type", "refresh_token");
        details.put("client_secret", "never shown");
        details.put("quote\"and\\back", "line\nbreak\ttab\rreturn\bback\fform\u0001\u001f\u007f");
        details.put("unicode", "é ü 中 😀 \u2028 /slash </script>");
        details.put("empty", "");
        return Stream.of(
                new AuditEvent(Instant.parse("2026-12-04T23:39:30.410058115Z"), "tokens_issued", "token-service",
                        "verifier-admin", "verifier-admin", "user-1", "127.0.0.1", "993f04d5cae0b52ca787788cb4743839",
                        AuditEvent.SUCCESS, details),
                new AuditEvent(Instant.parse("2026-12-04T23:39:30Z"), "login_failed", "authorize-service", null,
                        null, null, null, null, AuditEvent.FAILURE, Map.of()),
                new AuditEvent(Instant.parse("2026-12-04T23:39:30.100Z"), "admin_action", "client-registry", "",
                        "c", "", "::1", "", AuditEvent.SUCCESS, null),
                new AuditEvent(Instant.EPOCH, "x", "s", "a\"b", "\u0000", "ü", "10.0.0.1", "t", "success",
                        Map.of("k", "")));
    }

    @ParameterizedTest
    @MethodSource("events")
    void writesWhatTheSerdeMappingWrites(AuditEvent event) throws Exception {
        String expected = new String(json.writeValueAsBytes(event), StandardCharsets.UTF_8);
        String written = AuditJson.write(event);
        assertEquals(expected, written);
        assertEquals(json.readValue(expected, AuditEvent.class), json.readValue(written, AuditEvent.class));
    }
}
