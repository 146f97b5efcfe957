-- Device authorizations (RFC 8628) received from authorize-service's device-grant events, keyed by the SHA-256 of the
-- device code: their state (PENDING, APPROVED, DENIED, REDEEMED), the latest event (JSON: the approval's released
-- claims), the polling interval (raised by slow_down) and when the next poll is due. Additive: a copy of the previous
-- release never reads it.
CREATE TABLE device_grant (
    device_code_hash  VARCHAR(64) PRIMARY KEY,
    client_id         VARCHAR(128) NOT NULL,
    status            VARCHAR(16) NOT NULL,
    event             TEXT NOT NULL,
    interval_seconds  INT NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_poll_at      TIMESTAMP WITH TIME ZONE,
    redeemed_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX device_grant_expires_at ON device_grant (expires_at);
