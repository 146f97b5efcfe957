package dev.verifier.authorize.user;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A disabled user (by subject): no login until enabled again. */
@MappedEntity("disabled_user")
record DisabledUser(@Id String subject, Instant disabledAt) {
}
