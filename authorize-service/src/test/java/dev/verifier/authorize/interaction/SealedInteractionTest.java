package dev.verifier.authorize.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.AuthorizeConfiguration;
import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.error.OAuthException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sealed interaction id: opened by every copy holding the same key ring, by no other, never when altered, expired
 * or used, and never larger than a form field may be.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealedInteractionTest implements AuthorizeTestContext {

    private static final String RING = SecretsCipher.newKeyRingEntry("k1");
    private static final AuthorizationParameters PARAMETERS = new AuthorizationParameters(
            Map.of("client_id", List.of("spa"), "scope", List.of("openid profile"), "state", List.of("xyz")));

    @Inject
    InteractionRepository legacy;
    @Inject
    FinishedInteractionRepository finished;
    @Inject
    AuthorizeConfiguration config;
    @Inject
    JsonMapper json;
    @Inject
    Clock clock;

    private InteractionService copy(String keyRing, Duration lifetime) {
        AuthorizeConfiguration withLifetime = new AuthorizeConfiguration(config.requirePkceForConfidentialClients(),
                config.codeLifetime(), lifetime, config.eventConfirmTimeout());
        return new InteractionService(legacy, finished, withLifetime, json,
                Optional.of(SecretsCipher.fromKeyRing(keyRing)), clock);
    }

    @Test
    void anotherCopyWithTheSameKeyRingTakesTheNextStep() {
        String id = copy(RING, Duration.ofMinutes(10)).start(PARAMETERS, "csrf-of-this-browser", "session-hash");
        Interaction found = copy(RING, Duration.ofMinutes(10)).find(id).orElseThrow();
        assertEquals(PARAMETERS.values(), found.parameters().values());
        assertEquals(Hashes.sha256Base64Url("csrf-of-this-browser"), found.csrfHash());
        assertEquals("session-hash", found.sessionId());
    }

    @Test
    void anIdSealedUnderAnotherKeyOrAlteredIsNotFound() {
        String id = copy(RING, Duration.ofMinutes(10)).start(PARAMETERS, "csrf", null);
        assertTrue(copy(SecretsCipher.newKeyRingEntry("k1"), Duration.ofMinutes(10)).find(id).isEmpty());
        int inCiphertext = id.length() - 10; // a whole base64url character: the last one may carry unused bits
        String altered = id.substring(0, inCiphertext) + (id.charAt(inCiphertext) == 'A' ? 'B' : 'A')
                + id.substring(inCiphertext + 1);
        assertTrue(copy(RING, Duration.ofMinutes(10)).find(altered).isEmpty());
        String otherPurpose = SecretsCipher.fromKeyRing(RING).encrypt("{\"parameters\":{},\"csrfHash\":\"x\"}");
        assertTrue(copy(RING, Duration.ofMinutes(10)).find(otherPurpose).isEmpty(),
                "a value sealed under the ring's own key (a stored client secret) is no interaction");
    }

    @Test
    void anExpiredIdIsNotFound() {
        InteractionService service = copy(RING, Duration.ZERO);
        assertTrue(service.find(service.start(PARAMETERS, "csrf", null)).isEmpty());
    }

    @Test
    void anIdIsUsedOnce() {
        InteractionService service = copy(RING, Duration.ofMinutes(10));
        Interaction interaction = service.find(service.start(PARAMETERS, "csrf", null)).orElseThrow();
        service.finish(interaction);
        assertTrue(service.find(interaction.id()).isEmpty(), "found again after it was used");
        OAuthException twice = assertThrows(OAuthException.class, () -> service.finish(interaction));
        assertEquals("this sign-in page was already used", twice.description());
    }

    @Test
    void thePurgeRemovesTheMarksOfExpiredInteractionsOnlyAndNothingIsPurgedOnTheRequestPath() {
        InteractionService service = copy(RING, Duration.ofMinutes(10));
        String expiredHash = Hashes.sha256Base64Url("an interaction used and expired");
        finished.save(new FinishedInteractionRecord(expiredHash, clock.instant().minusSeconds(1)));
        Interaction live = service.find(service.start(PARAMETERS, "csrf", null)).orElseThrow();
        service.finish(live);
        assertTrue(finished.existsById(expiredHash), "finishing an interaction no longer purges (housekeeping job)");

        service.purgeExpired();
        assertTrue(finished.findById(expiredHash).isEmpty(), "the expired mark is purged");
        assertTrue(finished.existsById(Hashes.sha256Base64Url(live.id())), "the live mark is kept");
        assertTrue(service.find(live.id()).isEmpty(), "and the used interaction stays used");
    }

    @Test
    void aRequestTooLargeForTheFormFieldIsRefusedBeforeAnythingIsSealed() {
        AuthorizationParameters large = new AuthorizationParameters(Map.of("state",
                List.of("s".repeat(InteractionService.MAX_SEALED))));
        OAuthException e = assertThrows(OAuthException.class,
                () -> copy(RING, Duration.ofMinutes(10)).start(large, "csrf", null));
        assertEquals("the authorization request is too large", e.description());
    }
}
