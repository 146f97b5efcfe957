package dev.verifier.authorize.device;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.verifier.authorize.authorize.AuthorizationRequestValidator.Grantable;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.code.AuthorizationCodes;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.event.DeviceGrantEvent;
import dev.verifier.shared.event.DeviceGrantEvent.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The device authorizations of RFC 8628 as authorize-service keeps them: issued (a row keyed by the user code's hash,
 * and a {@code PENDING} event to token-service), found by the code a user enters, and decided once (the row's status,
 * and the decision's event). Each change and its event are one transaction: when the broker does not confirm the
 * event, the row is rolled back and the caller is told to try again.
 */
@Singleton
public class DeviceAuthorizations {

    /** What {@code /device_authorization} answers: the device code is never stored, the user code only hashed. */
    public record Issued(String deviceCode, String userCode, long expiresIn, int interval) {
    }

    /** A pending authorization as the user's page shows it. */
    public record Pending(String userCodeHash, String clientId, String scope, List<String> resources,
                          Instant expiresAt) {
    }

    private static final int USER_CODE_TRIES = 5;

    private final DeviceAuthorizationRepository repository;
    private final DeviceGrantPublisher publisher;
    private final DeviceConfiguration config;
    private final @Nullable AuthorizationCodes deviceCodes;
    private final Clock clock;

    DeviceAuthorizations(DeviceAuthorizationRepository repository, DeviceGrantPublisher publisher,
                         DeviceConfiguration config, @Nullable SecretsCipher keyRing, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.config = config;
        this.deviceCodes = keyRing == null ? null : AuthorizationCodes.deviceCodes(keyRing);
        this.clock = clock;
    }

    @Transactional
    public Issued issue(RegisteredClient client, Grantable grant) {
        if (deviceCodes == null) {
            throw OAuthError.TEMPORARILY_UNAVAILABLE.exception(
                    "the device authorization grant needs VERIFIER_SECRETS_KEY on this server");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        repository.deleteExpiredBefore(now.minus(config.lifetime()));
        String deviceCode = deviceCodes.mint();
        String userCode = freshUserCode();
        DeviceAuthorizationRecord row = new DeviceAuthorizationRecord(UserCodes.hash(userCode),
                Hashes.sha256Base64Url(deviceCode), client.clientId(), String.join(" ", grant.scopes()),
                String.join(" ", grant.audience().resources()), config.intervalSeconds(), Status.PENDING.name(), now,
                now.plus(config.lifetime()), null);
        repository.save(row);
        publisher.publishConfirmed(event(row));
        return new Issued(deviceCode, UserCodes.display(userCode), config.lifetime().toSeconds(),
                config.intervalSeconds());
    }

    /** The pending, unexpired authorization of the code the user entered, if there is one. */
    public Optional<Pending> find(String enteredUserCode) {
        Instant now = clock.instant();
        return UserCodes.normalise(enteredUserCode).flatMap(code -> repository.findById(UserCodes.hash(code)))
                .filter(r -> Status.PENDING.name().equals(r.status()) && r.expiresAt().isAfter(now))
                .map(r -> new Pending(r.userCodeHash(), r.clientId(), r.scope(), resources(r), r.expiresAt()));
    }

    /**
     * Records the user's decision and tells token-service; false when the authorization was decided already (two
     * forms at once) or expired in between.
     */
    @Transactional
    public boolean decide(Pending pending, @Nullable DeviceGrantEvent.Approval approval) {
        Status status = approval == null ? Status.DENIED : Status.APPROVED;
        if (repository.decide(pending.userCodeHash(), status.name(), clock.instant()) != 1) {
            return false;
        }
        DeviceAuthorizationRecord row = repository.findById(pending.userCodeHash()).orElseThrow();
        publisher.publishConfirmed(event(row).decided(status, approval));
        return true;
    }

    private String freshUserCode() {
        for (int i = 0; i < USER_CODE_TRIES; i++) {
            String code = UserCodes.generate();
            if (!repository.existsById(UserCodes.hash(code))) {
                return code;
            }
        }
        throw OAuthError.TEMPORARILY_UNAVAILABLE.exception("no free user code; try again");
    }

    private static DeviceGrantEvent event(DeviceAuthorizationRecord row) {
        return new DeviceGrantEvent(DeviceGrantEvent.SCHEMA_VERSION, row.deviceCodeHash(), row.clientId(),
                Status.PENDING, row.scope(), resources(row), row.intervalSeconds(), row.issuedAt(), row.expiresAt(),
                null);
    }

    private static List<String> resources(DeviceAuthorizationRecord row) {
        return row.resources().isBlank() ? List.of() : Arrays.asList(row.resources().split(" "));
    }
}
