package dev.verifier.shared.throttle;

import java.time.Instant;

/**
 * Where a service keeps failure marks (its own database table, so that every copy sees them): one row per failure.
 * Each service implements it with a repository over its {@code failure_mark} table.
 */
public interface FailureStore {

    void add(String kind, String subject, Instant failedAt);

    long count(String kind, String subject, Instant since);

    int purge(String kind, Instant before);
}
