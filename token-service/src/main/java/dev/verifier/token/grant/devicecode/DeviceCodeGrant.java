package dev.verifier.token.grant.devicecode;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.code.AuthorizationCodes;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.event.DeviceGrantEvent;
import dev.verifier.shared.event.DeviceGrantEvent.Status;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.shared.throttle.ThrottleConfiguration;
import dev.verifier.shared.throttle.Throttles;
import dev.verifier.token.device.DeviceGrantRecord;
import dev.verifier.token.device.DeviceGrants;
import dev.verifier.token.grant.GrantHandler;
import dev.verifier.token.grant.Params;
import dev.verifier.token.grant.TokenRequest;
import dev.verifier.token.grant.TokenResponse;
import dev.verifier.token.issue.Audiences;
import jakarta.inject.Singleton;

/**
 * {@code urn:ietf:params:oauth:grant-type:device_code} (RFC 8628 §3.4, §3.5), one short check per poll: a device code
 * without our MAC is {@code invalid_grant} at once; one whose event has not arrived yet is
 * {@code authorization_pending} (the device polls again; nothing waits here); another client's, or one already
 * redeemed, is {@code invalid_grant}; past its expiry {@code expired_token}; denied {@code access_denied}; pending
 * {@code authorization_pending}, or {@code slow_down} when it came before the interval was over (the interval of
 * that device code then grows by 5 s); approved: checked against the client as registered now (scope within its
 * registered scope, no internal scope), redeemed once and issued like a code exchange ({@link DeviceExchange}).
 * {@code invalid_grant} answers count against the per-client and per-address limits of code redemptions.
 */
@Singleton
class DeviceCodeGrant implements GrantHandler {

    private final DeviceGrants grants;
    private final DeviceExchange exchange;
    private final AuthorizationCodes deviceCodes;
    private final Audiences audiences;
    private final Throttles throttles;
    private final ThrottleConfiguration limits;
    private final Clock clock;

    DeviceCodeGrant(DeviceGrants grants, DeviceExchange exchange, SecretsCipher keyRing, Audiences audiences,
                    Throttles throttles, ThrottleConfiguration limits, Clock clock) {
        this.grants = grants;
        this.exchange = exchange;
        this.deviceCodes = AuthorizationCodes.deviceCodes(keyRing);
        this.audiences = audiences;
        this.throttles = throttles;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public GrantType grantType() {
        return GrantType.DEVICE_CODE;
    }

    @Override
    public TokenResponse handle(TokenRequest request, RegisteredClient client) {
        Throttles.Attempt attempt = throttles.attempt(limits.codeByClient(), limits.codeByAddress(), client.clientId());
        try {
            return poll(request, client);
        } catch (OAuthException e) {
            if (e.error() == OAuthError.INVALID_GRANT) {
                attempt.failed();
            }
            throw e;
        }
    }

    private TokenResponse poll(TokenRequest request, RegisteredClient client) {
        String code = request.required(Params.DEVICE_CODE);
        if (!deviceCodes.isAuthentic(code)) {
            throw invalidGrant();
        }
        Instant now = clock.instant();
        DeviceGrantRecord row = grants.find(Hashes.sha256Base64Url(code)).orElseThrow(() ->
                OAuthError.AUTHORIZATION_PENDING.exception("the user has not yet approved the device"));
        if (!row.clientId().equals(client.clientId()) || DeviceGrantRecord.REDEEMED.equals(row.status())) {
            throw invalidGrant();
        }
        if (!row.expiresAt().isAfter(now)) {
            throw OAuthError.EXPIRED_TOKEN.exception("the device code has expired; start again");
        }
        if (Status.DENIED.name().equals(row.status())) {
            throw OAuthError.DEVICE_ACCESS_DENIED.exception("the user denied the device's request");
        }
        if (Status.PENDING.name().equals(row.status())) {
            if (!grants.pollOnTime(row, now)) {
                grants.slowDown(row, now);
                throw OAuthError.SLOW_DOWN.exception("polled before the interval was over; the interval is now "
                        + (row.intervalSeconds() + DeviceGrants.SLOW_DOWN_SECONDS) + " seconds");
            }
            throw OAuthError.AUTHORIZATION_PENDING.exception("the user has not yet approved the device");
        }
        DeviceGrantEvent event = event(row);
        Scopes granted = Scopes.parse(event.scope());
        if (!granted.isSubsetOf(Scopes.parse(client.metadata().scope()))
                || !AdminScopes.internal(granted.values()).isEmpty()) {
            throw invalidGrant();
        }
        Audience audience = audiences.forUser(client, granted, granted, event.resources(), request.resources());
        return exchange.redeem(row, event, client, audience, now, request.dpopJkt())
                .orElseThrow(DeviceCodeGrant::invalidGrant);
    }

    private DeviceGrantEvent event(DeviceGrantRecord row) {
        try {
            DeviceGrantEvent event = grants.event(row);
            if (event.status() != Status.APPROVED || event.approval() == null) {
                throw invalidGrant();
            }
            return event;
        } catch (IOException e) {
            throw invalidGrant();
        }
    }

    static OAuthException invalidGrant() {
        return OAuthError.INVALID_GRANT.exception("the device code is invalid, expired or already used");
    }
}
