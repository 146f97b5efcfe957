package dev.verifier.testsupport;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Assertions;
import org.slf4j.LoggerFactory;

/**
 * The audit events a service writes on its {@code verifier.audit} logger (one JSON line each, written before the
 * answer is sent), captured from {@link #start()} to {@link #close()}: a negative test reads from them why a request
 * was refused where the answer deliberately does not say (e.g. {@code client_auth_failed} and its reason).
 */
public final class AuditLog implements AutoCloseable {

    private static final String LOGGER = "verifier.audit";
    private static final Pattern REASON = Pattern.compile("\"reason\":\"([^\"]*)\"");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level level;

    private AuditLog() {
    }

    public static AuditLog start() {
        AuditLog log = new AuditLog();
        log.lines.start();
        log.level = log.logger.getLevel();
        log.logger.setLevel(Level.INFO);
        log.logger.addAppender(log.lines);
        return log;
    }

    /** The {@code details.reason} of the last {@code type} event about {@code clientId}; fails if there is none. */
    public String reason(String type, String clientId) {
        List<String> matching = lines().stream()
                .filter(l -> l.contains("\"type\":\"" + type + "\""))
                .filter(l -> l.contains("\"client_id\":\"" + clientId + "\""))
                .toList();
        Assertions.assertFalse(matching.isEmpty(), "no " + type + " audit event for " + clientId + ": " + lines());
        Matcher reason = REASON.matcher(matching.get(matching.size() - 1));
        Assertions.assertTrue(reason.find(), "no reason in " + matching.get(matching.size() - 1));
        return reason.group(1);
    }

    public List<String> lines() {
        synchronized (lines) { // appended to by the server's threads
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(lines);
        logger.setLevel(level);
    }
}
