package dev.verifier.token.grant.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import dev.verifier.token.support.TokenServiceTest;
import dev.verifier.token.verify.RevocationList;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A revocation matters while a validator may still accept the token: until its expiry plus the access-token clock
 * skew (30 s by default). A revoked family revokes its access tokens up to then, and housekeeping forgets access-token
 * records and revocation-list entries only after it, in families that are still alive too.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "AccessTokenRecordRetentionTest")
class AccessTokenRecordRetentionTest implements TokenServiceTest {

    @Inject
    GrantFamilyRepository repository;
    @Inject
    GrantFamilies families;
    @Inject
    RevocationList revocations;
    @Inject
    DataSource dataSource;

    @Test
    void aRevokedFamilyRevokesTheAccessTokensThatValidatorsStillAcceptOnlyJustExpiredOnesIncluded() {
        String family = family();
        Instant now = Instant.now();
        repository.addAccessToken(family + "-live", family, now.plusSeconds(600));
        repository.addAccessToken(family + "-within-skew", family, now.minusSeconds(10));
        repository.addAccessToken(family + "-long-expired", family, now.minusSeconds(120));

        families.revoke(family, "test");

        assertTrue(revocations.isRevoked(family + "-live"));
        assertTrue(revocations.isRevoked(family + "-within-skew"), "a validator allowing 30 s still accepts it");
        assertFalse(revocations.isRevoked(family + "-long-expired"), "refused everywhere anyway");
    }

    @Test
    void housekeepingForgetsAccessTokenRecordsAndRevocationsOnlyOnceNoValidatorAcceptsTheTokens() throws SQLException {
        String family = family();
        Instant now = Instant.now();
        repository.addAccessToken(family + "-live", family, now.plusSeconds(600));
        repository.addAccessToken(family + "-within-skew", family, now.minusSeconds(10));
        repository.addAccessToken(family + "-long-expired", family, now.minusSeconds(120));
        revocations.revoke(family + "-revoked-within-skew", now.minusSeconds(10));
        revocations.revoke(family + "-revoked-long-ago", now.minusSeconds(120));

        families.purgeExpired();
        revocations.purgeExpired();

        assertEquals(Set.of(family + "-live", family + "-within-skew"), accessTokenRecords(family),
                "the family is alive: only the record of the token no validator accepts is gone");
        assertTrue(revocations.isRevoked(family + "-revoked-within-skew"));
        assertFalse(revocations.isRevoked(family + "-revoked-long-ago"));
    }

    private String family() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        repository.save(new GrantFamily(id, "client", "subject", "openid", now, "{}", now, now.plus(1, ChronoUnit.DAYS),
                null, null, null));
        return id;
    }

    private Set<String> accessTokenRecords(String family) throws SQLException {
        Set<String> jtis = new TreeSet<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT jti FROM family_access_token WHERE family_id = ?")) {
            query.setString(1, family);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    jtis.add(rows.getString(1));
                }
            }
        }
        return jtis;
    }
}
