package dev.verifier.shared.runtime.lifecycle;

import java.time.Duration;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * What SIGTERM (and SIGINT) does to a running copy: readiness turns 503 ({@link Draining}), the copy keeps serving for the drain
 * delay while the load balancer notices, waits for the requests in flight, and only then exits through the normal
 * shutdown (the server closes, the Kafka consumers finish their record and commit, producers flush). A watchdog ends
 * the process at the exit deadline if something still hangs on a broker or a peer that is gone. Not in tests (their
 * JVM is not a copy).
 */
@Context
@Requires(notEnv = Environment.TEST)
public class GracefulTermination {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulTermination.class);

    private final Draining draining;
    private final InFlightRequests inFlight;
    private final ShutdownConfiguration config;

    GracefulTermination(Draining draining, InFlightRequests inFlight, ShutdownConfiguration config) {
        this.draining = draining;
        this.inFlight = inFlight;
        this.config = config;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Signal.handle(new Signal("TERM"), signal -> terminate());
        Signal.handle(new Signal("INT"), signal -> terminate());
    }

    private void terminate() {
        if (draining.isDraining()) {
            return;
        }
        draining.start();
        long started = System.nanoTime();
        startWatchdog(config.exitDeadline());
        LOG.info("SIGTERM: draining (readiness 503) for {}, then waiting up to {} for {} request(s) in flight",
                config.drainDelay(), config.drainTimeout(), inFlight.count());
        try {
            Thread.sleep(config.drainDelay().toMillis());
            if (!inFlight.awaitIdle(config.drainTimeout())) {
                LOG.warn("{} request(s) still in flight after {}; stopping anyway", inFlight.count(),
                        config.drainTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Drained in {} ms; stopping", (System.nanoTime() - started) / 1_000_000);
        System.exit(0);
    }

    private static void startWatchdog(Duration deadline) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            LOG.warn("Still stopping {} after SIGTERM: exiting now", deadline);
            Runtime.getRuntime().halt(0);
        }, "shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
