package dev.verifier.token.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code invalid_grant} answers of /token, each with the description of the grant that refused: the code and the
 * refresh grants say the same to every caller whatever check failed, so a test tells them apart by the description
 * and, where one is written, by the audit event ({@code grant_family_revoked}, {@code code_event_refused}).
 */
public final class Refusals {

    public static final String CODE = "the authorization code is invalid, expired or already used";
    public static final String REFRESH_TOKEN = "the refresh token is invalid, expired or revoked";

    private Refusals() {
    }

    public static void assertInvalidGrant(Http.Answer answer, String description) {
        assertEquals(400, answer.status(), answer.raw().body());
        assertEquals("invalid_grant", answer.string("error"));
        assertEquals(description, answer.string("error_description"));
    }
}
