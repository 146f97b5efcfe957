package dev.verifier.registry.api;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One scope value and the API it belongs to (a value belongs to one API at most: the primary key). */
@MappedEntity("api_scope")
public record ApiScopeRecord(@Id String scopeValue, String apiId) {
}
