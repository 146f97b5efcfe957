package dev.verifier.token.grant.family;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.verifier.shared.event.CodeIssued;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.inject.Singleton;

/**
 * The storage format of a {@link StoredGrant}: JSON in {@code grant_family.stored_grant},
 * {@code {"version": 1, "acr": ..., "amr": [...], "claims": {...}, "resources": [...]}} ({@code resources}, the RFC
 * 8707 resources granted, is optional: absent in grants stored before it, and ignored by a release that does not know
 * it). A family written by the release before V80 has no
 * {@code stored_grant}; its {@code claims} column holds the code-issued event's JSON, read as that event and mapped
 * by {@link StoredGrant#from(CodeIssued)}. This release still writes that event JSON into {@code claims} (never reads
 * it when {@code stored_grant} is there), so that a copy of the previous release, running during the upgrade, can
 * refresh grants this release created; the release after it may stop.
 */
@Singleton
public class StoredGrants {

    /** The version this release writes and the only one it reads. */
    static final int VERSION = 1;

    private final JsonMapper json;

    StoredGrants(JsonMapper json) {
        this.json = json;
    }

    /** The JSON of {@code grant} for {@code grant_family.stored_grant}. */
    public String write(StoredGrant grant) {
        try {
            return json.writeValueAsString(new Stored(VERSION, grant.acr(), grant.amr(), grant.claims(),
                    grant.resources()));
        } catch (IOException e) {
            throw new IllegalStateException("the stored grant could not be written", e);
        }
    }

    /** The family's grant; empty when its stored form cannot be read (a version this release does not know). */
    public Optional<StoredGrant> read(GrantFamily family) {
        try {
            if (family.storedGrant() == null) {
                return Optional.of(StoredGrant.from(json.readValue(family.claims(), CodeIssued.class)));
            }
            Stored stored = json.readValue(family.storedGrant(), Stored.class);
            return stored.version() == VERSION
                    ? Optional.of(new StoredGrant(stored.acr(), stored.amr(), stored.claims(), stored.resources()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Stored(int version, @Nullable String acr, @Nullable List<String> amr,
                  @Nullable Map<String, Object> claims, @Nullable List<String> resources) {
    }
}
