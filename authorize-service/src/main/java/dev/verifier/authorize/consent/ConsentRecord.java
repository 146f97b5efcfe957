package dev.verifier.authorize.consent;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The scopes a user approved for a client (space separated), keyed by subject and client id. */
@MappedEntity("consent")
public record ConsentRecord(@Id String id, String subject, String clientId, String scopes, Instant grantedAt) {
}
