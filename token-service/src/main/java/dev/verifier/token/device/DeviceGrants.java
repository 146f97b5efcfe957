package dev.verifier.token.device;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.verifier.shared.event.DeviceGrantEvent;
import dev.verifier.shared.event.DeviceGrantEvent.Status;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * token-service's store of device authorizations: each event is an idempotent upsert (the first event of a device
 * code inserts it, whichever it is; a decision changes only a PENDING row of the same client), and the device's
 * polls are single short statements ({@link #pollOnTime}, {@link #slowDown}, {@link #redeem}) — never a loop.
 */
@Singleton
public class DeviceGrants {

    /** RFC 8628 §3.5: each slow_down adds 5 seconds to the interval of that device code. */
    public static final int SLOW_DOWN_SECONDS = 5;
    /** How long an expired device authorization is kept (to answer expired_token rather than invalid_grant). */
    static final java.time.Duration RETENTION = java.time.Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(DeviceGrants.class);

    private final DeviceGrantRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    DeviceGrants(DeviceGrantRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    void receive(DeviceGrantEvent event) {
        String eventJson = write(event);
        if (event.status() == Status.PENDING) {
            repository.purge(clock.instant().minus(RETENTION));
        }
        int inserted = repository.insertIfAbsent(event.deviceCodeHash(), event.clientId(), event.status().name(),
                eventJson, event.interval(), event.expiresAt(), clock.instant());
        if (inserted == 0 && event.status() != Status.PENDING
                && repository.decide(event.deviceCodeHash(), event.clientId(), event.status().name(), eventJson) == 0) {
            LOG.info("a device-grant decision changed nothing (already decided, redelivered or another client)");
        }
    }

    public Optional<DeviceGrantRecord> find(String deviceCodeHash) {
        return repository.findById(deviceCodeHash);
    }

    /** Whether this poll came on time; if so the next one is due one interval later. */
    public boolean pollOnTime(DeviceGrantRecord grant, Instant now) {
        return repository.pollOnTime(grant.deviceCodeHash(), now,
                now.plusSeconds(grant.intervalSeconds())) == 1;
    }

    /** The device polled too fast: its interval grows by {@value #SLOW_DOWN_SECONDS} s. */
    public void slowDown(DeviceGrantRecord grant, Instant now) {
        repository.slowDown(grant.deviceCodeHash(), SLOW_DOWN_SECONDS,
                now.plusSeconds(grant.intervalSeconds() + (long) SLOW_DOWN_SECONDS));
    }

    /** The single redemption, inside the caller's transaction: true for the one request that takes it. */
    public boolean redeem(DeviceGrantRecord grant, Instant now) {
        return repository.redeem(grant.deviceCodeHash(), now) == 1;
    }

    public DeviceGrantEvent event(DeviceGrantRecord grant) throws IOException {
        return json.readValue(grant.event(), DeviceGrantEvent.class);
    }

    private String write(DeviceGrantEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException("a read event is always writable", e);
        }
    }
}
