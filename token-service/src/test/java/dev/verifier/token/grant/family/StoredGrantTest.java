package dev.verifier.token.grant.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Jwts;
import dev.verifier.token.support.Refusals;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.support.TokenRequests;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The grant a family keeps for its refreshes is token-service's own versioned record ({@code stored_grant}), apart from
 * the code-issued wire record; a family written by the previous release (its code-issued event JSON in {@code claims},
 * no {@code stored_grant}) still refreshes, and what this release writes still reads in the previous release.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "StoredGrantTest")
class StoredGrantTest extends TokenHttpTest {

    static final String SCOPE = "openid profile offline_access";

    /**
     * The {@code claims} column as the release before V80 wrote it: the code-issued event's JSON (schema 2), byte for
     * byte as that release's CodeReceipt stored it. A literal, so that a later change to {@link CodeIssued} that
     * stops reading such rows fails here.
     */
    static final String PREVIOUS_RELEASE_EVENT = """
            {"schema_version":2,"code_hash":"Nn1xJ9bOCh4dCVrPvx0ho6lrMSmzK9IW4VvbOKvHeaA","client_id":"%s",\
            "redirect_uri":"https://app.example/cb","scope":"openid profile offline_access","subject":"%s",\
            "code_challenge":"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM","code_challenge_method":"S256",\
            "nonce":"n-0S6_WzA2Mj","auth_time":"2026-11-30T08:15:00Z","acr":"urn:verifier:acr:previous",\
            "amr":["pwd","otp"],"session_id":"session-old","claims":{"name":"Old Login Name"},\
            "issued_at":"2026-11-30T08:15:30Z","expires_at":"2026-11-30T08:16:30Z"}""";

    @Inject
    CodeFlow flow;
    @Inject
    DataSource dataSource;

    TestClients.Client spa;

    @BeforeAll
    void setUp() {
        spa = clients.register("none", SCOPE, "authorization_code", "refresh_token");
    }

    @Test
    void theCodeExchangeStoresTheGrantInItsOwnVersionedRecordAndTheEventForThePreviousRelease() throws Exception {
        Codes codes = flow.publish(spa, SCOPE);
        Http.Answer answer = http.post("/token", TokenRequests.code(spa, codes));
        assertEquals(200, answer.status(), answer.raw().body());

        Map<String, Object> stored = json.readValue(column("stored_grant", codes.event().subject()), Map.class);
        assertEquals(Map.of("version", 1, "acr", "urn:verifier:acr:pwd", "amr", List.of("pwd"),
                "claims", codes.event().claims()), stored);
        CodeIssued asThePreviousReleaseReadsIt = json.readValue(column("claims", codes.event().subject()),
                CodeIssued.class);
        assertEquals(codes.event(), asThePreviousReleaseReadsIt, "a copy of the previous release can refresh it");
    }

    @Test
    void aFamilyWrittenByThePreviousReleaseStillRefreshesWithItsAuthenticationContext() throws Exception {
        String subject = "user-" + RandomTokens.base64Url(4);
        String refreshToken = previousReleaseFamily(subject);

        Http.Answer answer = http.post("/token", TokenRequests.refresh(spa, refreshToken));

        assertEquals(200, answer.status(), answer.raw().body());
        JWTClaimsSet id = Jwts.verified(answer.string("id_token"), http.get("/jwks").json()).getJWTClaimsSet();
        assertEquals(subject, id.getSubject());
        assertEquals("urn:verifier:acr:previous", id.getStringClaim("acr"));
        assertEquals(List.of("pwd", "otp"), id.getStringListClaim("amr"));
        assertEquals("Alice Example", id.getStringClaim("name"), "the user's current claims, as for every refresh");
        assertEquals("session-old", id.getStringClaim("sid"));
        assertNull(column("stored_grant", subject), "a refresh does not rewrite the family");
    }

    @Test
    void aStoredGrantOfAnUnknownVersionIsRefusedAsAnInvalidGrant() throws Exception {
        Codes codes = flow.publish(spa, SCOPE);
        Http.Answer exchanged = http.post("/token", TokenRequests.code(spa, codes));
        assertEquals(200, exchanged.status(), exchanged.raw().body());
        update("UPDATE grant_family SET stored_grant = ? WHERE subject = ?",
                "{\"version\":2,\"acr\":\"urn:verifier:acr:pwd\",\"amr\":[\"pwd\"],\"claims\":{}}",
                codes.event().subject());

        Http.Answer answer = http.post("/token", TokenRequests.refresh(spa, exchanged.string("refresh_token")));

        Refusals.assertInvalidGrant(answer, Refusals.REFRESH_TOKEN);
    }

    /** A family and its refresh token inserted with the columns the release before V80 wrote; the refresh token. */
    private String previousReleaseFamily(String subject) throws SQLException {
        String familyId = "family-" + RandomTokens.base64Url(8);
        String token = RandomTokens.base64Url(32);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection connection = connection();
             PreparedStatement family = connection.prepareStatement("INSERT INTO grant_family (id, client_id, "
                     + "subject, scope, auth_time, claims, created_at, absolute_expires_at, revoked_at, session_id) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)");
             PreparedStatement refresh = connection.prepareStatement("INSERT INTO refresh_token (token_hash, "
                     + "family_id, scope, created_at, idle_expires_at, rotated_at) VALUES (?, ?, ?, ?, ?, NULL)")) {
            family.setString(1, familyId);
            family.setString(2, spa.id());
            family.setString(3, subject);
            family.setString(4, SCOPE);
            family.setTimestamp(5, Timestamp.from(Instant.parse("2026-11-30T08:15:00Z")));
            family.setString(6, PREVIOUS_RELEASE_EVENT.formatted(spa.id(), subject));
            family.setTimestamp(7, Timestamp.from(now.minus(Duration.ofDays(2))));
            family.setTimestamp(8, Timestamp.from(now.plus(Duration.ofDays(30))));
            family.setString(9, "session-old");
            family.executeUpdate();
            refresh.setString(1, Hashes.sha256Base64Url(token));
            refresh.setString(2, familyId);
            refresh.setString(3, SCOPE);
            refresh.setTimestamp(4, Timestamp.from(now.minus(Duration.ofDays(2))));
            refresh.setTimestamp(5, Timestamp.from(now.plus(Duration.ofDays(1))));
            refresh.executeUpdate();
        }
        return token;
    }

    private String column(String name, String subject) throws SQLException {
        try (Connection connection = connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + name + " FROM grant_family WHERE subject = ?")) {
            select.setString(1, subject);
            try (ResultSet rows = select.executeQuery()) {
                assertEquals(true, rows.next(), "a family of " + subject);
                return rows.getString(1);
            }
        }
    }

    private void update(String sql, String value, String subject) throws SQLException {
        try (Connection connection = connection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, value);
            update.setString(2, subject);
            assertEquals(1, update.executeUpdate());
        }
    }

    private Connection connection() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    }
}
