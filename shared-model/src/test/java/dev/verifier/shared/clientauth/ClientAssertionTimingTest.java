package dev.verifier.shared.clientauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One clock skew for client assertions, under one property, the old token-service names still read. */
class ClientAssertionTimingTest {

    static ClientAssertionTiming from(Map<String, Duration> properties) {
        return ClientAssertionTiming.from(name -> Optional.ofNullable(properties.get(name)));
    }

    @Test
    void defaultsAreSixtySecondsAndAnHour() {
        ClientAssertionTiming timing = from(Map.of());

        assertEquals(Duration.ofSeconds(60), timing.clockSkew());
        assertEquals(Duration.ofMinutes(60), timing.maxLifetime());
    }

    /** The one name, and token-service's former names for a configuration written before it. */
    @ParameterizedTest
    @CsvSource({"verifier.client-auth.clock-skew, verifier.client-auth.assertion-max-lifetime",
            "verifier.token.clock-skew, verifier.token.assertion-max-lifetime"})
    void eitherNameIsRead(String skewName, String lifetimeName) {
        ClientAssertionTiming timing = from(Map.of(skewName, Duration.ofSeconds(20), lifetimeName,
                Duration.ofMinutes(2)));

        assertEquals(Duration.ofSeconds(20), timing.clockSkew());
        assertEquals(Duration.ofMinutes(2), timing.maxLifetime());
    }

    @Test
    void bothNamesWithTheSameValueAreFine() {
        assertEquals(Duration.ofSeconds(45), from(Map.of("verifier.token.clock-skew", Duration.ofSeconds(45),
                "verifier.client-auth.clock-skew", Duration.ofSeconds(45))).clockSkew());
    }

    @Test
    void bothNamesWithDifferentValuesAreRefusedSayingWhatToRemove() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> from(Map.of(
                "verifier.token.clock-skew", Duration.ofSeconds(60),
                "verifier.client-auth.clock-skew", Duration.ofSeconds(30))));

        assertTrue(e.getMessage().contains("remove verifier.token.clock-skew"), e.getMessage());
    }

    @Test
    void aContextWithConflictingSettingsDoesNotStart() {
        Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(context(
                "verifier.token.assertion-max-lifetime", "10m", "verifier.client-auth.assertion-max-lifetime", "5m")));

        assertTrue(causes(e).contains("remove verifier.token.assertion-max-lifetime"), causes(e));
    }

    @Test
    void aContextReadsTheOldNameFromItsConfiguration() {
        try (ApplicationContext context = ApplicationContext.run(context("verifier.token.clock-skew", "90s"))) {
            assertEquals(Duration.ofSeconds(90), context.getBean(ClientAssertionTiming.class).clockSkew());
        }
    }

    /** A context without Kafka: only the configuration matters here. */
    static Map<String, Object> context(String... kv) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("kafka.enabled", "false",
                "verifier.kafka.topics.create", "false"));
        for (int i = 0; i < kv.length; i += 2) {
            properties.put(kv[i], kv[i + 1]);
        }
        return properties;
    }

    static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
