package dev.verifier.shared.jose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.testsupport.OffsetClock;
import org.junit.jupiter.api.Test;

/** A token found signed is not checked again, and only while the same key is asked and the entry is fresh. */
class VerifiedTokensTest {

    private static final RSAKey KEY = key("k1");
    private static final RSAKey SAME_KID_OTHER_KEY = key("k1");

    private final OffsetClock clock = OffsetClock.stoppedAt(Instant.parse("2026-12-03T12:00:00Z"));
    private final VerifiedTokens verified = new VerifiedTokens(3, Duration.ofMinutes(5), clock);
    private final PublicKeyVerifiers verifiers = new PublicKeyVerifiers(null, verified);

    @Test
    void aTokenFoundSignedComesBackParsedAndIsNotCheckedAgainWithTheSameKey() throws Exception {
        String token = sign(KEY, "alice");
        SignedJWT first = verified.parse(token);
        assertTrue(verifiers.verifies(first, KEY.toPublicJWK()));

        SignedJWT again = verified.parse(token);
        assertSame(first, again, "the instance checked before");
        assertTrue(verified.verifiedBy(again, KEY.toPublicJWK()), "a key equal to the one that checked it");
        assertFalse(verified.verifiedBy(again, SAME_KID_OTHER_KEY.toPublicJWK()), "same kid, another key");
        assertFalse(verifiers.verifies(again, SAME_KID_OTHER_KEY.toPublicJWK()), "checked against that key: refused");
    }

    @Test
    void anotherInstanceOfTheSameTextIsNotTakenForVerified() throws Exception {
        String token = sign(KEY, "alice");
        assertTrue(verifiers.verifies(verified.parse(token), KEY.toPublicJWK()));

        assertFalse(verified.verifiedBy(SignedJWT.parse(token), KEY.toPublicJWK()));
    }

    @Test
    void aBadSignatureIsNeverRemembered() throws Exception {
        String good = sign(KEY, "alice");
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + sign(KEY, "mallory").split("\\.")[1] + "." + parts[2];

        SignedJWT parsed = verified.parse(forged);
        assertFalse(verifiers.verifies(parsed, KEY.toPublicJWK()));
        assertFalse(verified.verifiedBy(parsed, KEY.toPublicJWK()));
        assertNotSame(parsed, verified.parse(forged), "not kept");
        assertFalse(verifiers.verifies(verified.parse(forged), KEY.toPublicJWK()));
    }

    @Test
    void anEntryIsKeptForTheTtlOnly() throws Exception {
        String token = sign(KEY, "alice");
        SignedJWT first = verified.parse(token);
        assertTrue(verifiers.verifies(first, KEY.toPublicJWK()));
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertSame(first, verified.parse(token));

        clock.advance(Duration.ofSeconds(1));
        assertNotSame(first, verified.parse(token), "parsed again after the ttl");
        assertFalse(verified.verifiedBy(first, KEY.toPublicJWK()));
    }

    @Test
    void atTheBoundTheCacheStartsAgainAndZeroKeepsNothing() throws Exception {
        String[] tokens = {sign(KEY, "a"), sign(KEY, "b"), sign(KEY, "c"), sign(KEY, "d")};
        SignedJWT[] parsed = new SignedJWT[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            parsed[i] = verified.parse(tokens[i]);
            assertTrue(verifiers.verifies(parsed[i], KEY.toPublicJWK()));
        }
        assertNotSame(parsed[0], verified.parse(tokens[0]), "dropped when the fourth entry came");
        assertSame(parsed[3], verified.parse(tokens[3]));

        VerifiedTokens none = new VerifiedTokens(0, Duration.ofMinutes(5), clock);
        SignedJWT once = none.parse(tokens[0]);
        assertTrue(new PublicKeyVerifiers(null, none).verifies(once, KEY.toPublicJWK()));
        assertFalse(none.verifiedBy(once, KEY.toPublicJWK()));
        assertNotSame(once, none.parse(tokens[0]));
    }

    private static String sign(RSAKey key, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(subject).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
