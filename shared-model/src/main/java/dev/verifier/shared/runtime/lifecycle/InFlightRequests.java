package dev.verifier.shared.runtime.lifecycle;

import java.time.Duration;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.context.event.HttpRequestReceivedEvent;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Counts the HTTP requests this copy is serving, from their arrival until their response is written. */
@Singleton
public class InFlightRequests {

    private final Object lock = new Object();
    private int count;

    @EventListener
    void received(HttpRequestReceivedEvent event) {
        synchronized (lock) {
            count++;
        }
    }

    @EventListener
    void terminated(HttpRequestTerminatedEvent event) {
        synchronized (lock) {
            count = Math.max(0, count - 1);
            lock.notifyAll();
        }
    }

    public int count() {
        synchronized (lock) {
            return count;
        }
    }

    /** Waits until no request is in flight or {@code timeout} passed; true when none is left. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (count > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
