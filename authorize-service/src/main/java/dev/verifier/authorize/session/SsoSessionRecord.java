package dev.verifier.authorize.session;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A stored SSO session, keyed by the SHA-256 of its cookie value; {@code sid} is its public id. */
@MappedEntity("sso_session")
public record SsoSessionRecord(
        @Id String idHash,
        String username,
        String subject,
        Instant authTime,
        Instant lastSeenAt,
        Instant expiresAt,
        @Nullable String sid) {

    /** The public id; a session from before sids existed gets one derived from its key (never the key itself). */
    public String publicId() {
        return sid != null ? sid : dev.verifier.shared.crypto.Hashes.sha256Base64Url(idHash);
    }
}
