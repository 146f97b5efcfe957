package dev.verifier.token.device;

import java.io.IOException;

import dev.verifier.shared.event.CodeEventSeal;
import dev.verifier.shared.event.DeviceGrantEvent;
import dev.verifier.shared.event.EventsConfiguration;
import dev.verifier.shared.event.Topics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Turns a {@code verifier.device-grant} record into a {@link DeviceGrantEvent} or a refusal reason, never throwing for
 * bad input: bounded size, then the seal (the event key ring, bound to this topic and the record key: a record
 * forged, altered, replayed under another key or copied from another topic does not open), then the JSON, then the
 * bounded fields ({@link DeviceGrantEvent#problem}). There is no unauthenticated legacy format.
 */
@Singleton
class DeviceEventReader {

    /** A readable event, or the reason it was refused. */
    record Result(@Nullable DeviceGrantEvent event, @Nullable String refusal, @Nullable String detail) {
        static Result refused(String reason, String detail) {
            return new Result(null, reason, detail);
        }
    }

    private final CodeEventSeal seal;
    private final JsonMapper json;

    DeviceEventReader(EventsConfiguration config, JsonMapper json) {
        this.seal = config.seal().forTopic(Topics.DEVICE_GRANT);
        this.json = json;
    }

    Result read(@Nullable String key, @Nullable byte[] value) {
        if (value == null || value.length == 0) {
            return Result.refused("malformed", "empty record");
        }
        if (value.length > DeviceGrantEvent.MAX_RECORD_BYTES) {
            return Result.refused("oversized", value.length + " bytes");
        }
        if (key == null || key.length() > 64) {
            return Result.refused("malformed", "record key missing or too long");
        }
        byte[] plaintext;
        try {
            plaintext = seal.open(key, value);
        } catch (CodeEventSeal.RefusedException e) {
            return Result.refused(e.reason(), "sealed record could not be opened");
        }
        DeviceGrantEvent event;
        try {
            event = json.readValue(plaintext, DeviceGrantEvent.class);
        } catch (IOException | RuntimeException e) {
            return Result.refused("malformed", "not a DeviceGrantEvent JSON");
        }
        if (event == null) {
            return Result.refused("malformed", "empty event");
        }
        return event.problem(key).map(problem -> Result.refused("invalid", problem))
                .orElseGet(() -> new Result(event, null, null));
    }
}
