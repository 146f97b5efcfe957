package dev.verifier.token.throttle;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One failure counted against a limit (see shared-model's {@code FailureThrottle}). */
@MappedEntity("failure_mark")
record FailureMark(@Id @GeneratedValue @Nullable Long id, String kind, String subject, Instant failedAt) {
}
