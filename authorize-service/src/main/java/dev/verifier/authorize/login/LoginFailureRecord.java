package dev.verifier.authorize.login;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One failed login: the username tried (lower case) and the source address. */
@MappedEntity("login_failure")
record LoginFailureRecord(@Id @GeneratedValue @Nullable Long id, String account, String address, Instant failedAt) {
}
