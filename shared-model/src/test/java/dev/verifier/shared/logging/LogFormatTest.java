package dev.verifier.shared.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The shared logging set-up writes plain text by default and one JSON object per line with VERIFIER_LOG_FORMAT=json. */
class LogFormatTest {

    @Test
    void jsonFormatWritesOneJsonObjectPerEventWithTheFormattedMessage() throws Exception {
        String out = logOnce("json");

        String line = out.lines().filter(l -> l.contains("hello")).findFirst().orElseThrow();
        Map<?, ?> event = new ObjectMapper().readValue(line, Map.class);
        assertEquals("INFO", event.get("level"));
        assertEquals("hello 42", event.get("formattedMessage"));
        assertEquals("verifier.test", event.get("loggerName"));
    }

    @Test
    void textFormatIsTheDefault() throws Exception {
        String out = logOnce(null);

        String line = out.lines().filter(l -> l.contains("hello 42")).findFirst().orElseThrow();
        assertFalse(line.startsWith("{"), line);
        assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO .*"),
                "ISO-8601 time with milliseconds and offset, then the level: " + line);
    }

    @Test
    void levelCapsOfSecretWritingFrameworkLoggersDoNotRaiseTheDefaultLevel() throws Exception {
        LoggerContext context = configure(null, null);
        assertFalse(context.getLogger("io.micronaut.context.DefaultBeanContext").isDebugEnabled(),
                "no DEBUG lines of the bean context at the default INFO");
        assertFalse(context.getLogger("io.micronaut.inject.SomeBean").isDebugEnabled());
        assertFalse(context.getLogger("dev.verifier.anything").isDebugEnabled());
        context.stop();
    }

    @Test
    void atTraceTheCapsHoldForLoggersThatWriteSecrets() throws Exception {
        LoggerContext context = configure(null, "TRACE");
        assertTrue(context.getLogger("dev.verifier.anything").isTraceEnabled(), "TRACE reaches other loggers");
        assertFalse(context.getLogger("io.micronaut.context.env.DefaultEnvironment").isDebugEnabled(),
                "resolved property values (secrets) are never written");
        assertFalse(context.getLogger("io.micronaut.context.event.ApplicationEventPublisher").isDebugEnabled(),
                "published events (bearer tokens) are never written");
        assertFalse(context.getLogger("io.micronaut.inject.SomeBean").isDebugEnabled());
        assertFalse(context.getLogger("io.micronaut.security.token.jwt.validator.JwtValidator").isDebugEnabled(),
                "raw bearer values are never written");
        context.stop();
    }

    private static LoggerContext configure(String format, String level) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        if (format != null) {
            context.putProperty("VERIFIER_LOG_FORMAT", format);
        }
        if (level != null) {
            context.putProperty("VERIFIER_LOG_LEVEL", level);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        String config = "<configuration><include resource=\"verifier-logback.xml\"/></configuration>";
        configurator.doConfigure(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
        return context;
    }

    private static String logOnce(String format) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggerContext context = configure(format, null);
            context.getLogger("verifier.test").info("hello {}", 42);
            context.stop();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
