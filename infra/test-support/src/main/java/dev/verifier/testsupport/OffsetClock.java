package dev.verifier.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves forward instead of sleeping: real time plus the offset the test advances, or, made with
 * {@link #stoppedAt}, a clock that stands still except when advanced. Each service's tests make one the context's
 * {@link Clock} bean (their {@code support.TestClock}, under {@code test.clock=mutable}).
 */
public class OffsetClock extends Clock {

    private final Instant stoppedAt;
    private volatile Duration offset = Duration.ZERO;

    /** Real time plus the offset. */
    public OffsetClock() {
        this(null);
    }

    /** {@code stoppedAt} plus the offset; {@code null}: real time plus the offset. */
    protected OffsetClock(Instant stoppedAt) {
        this.stoppedAt = stoppedAt;
    }

    public static OffsetClock stoppedAt(Instant start) {
        return new OffsetClock(start);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return (stoppedAt == null ? Instant.now() : stoppedAt).plus(offset);
    }
}
