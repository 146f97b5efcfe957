-- Device authorizations (RFC 8628) waiting for their user: keyed by the SHA-256 of the normalised user code, with the
-- SHA-256 of the device code (the key of the device-grant events); neither code is stored. Additive: a copy of the
-- previous release never reads it.
CREATE TABLE device_authorization (
    user_code_hash    VARCHAR(64) PRIMARY KEY,
    device_code_hash  VARCHAR(64) NOT NULL UNIQUE,
    client_id         VARCHAR(128) NOT NULL,
    scope             VARCHAR(2048) NOT NULL,
    resources         TEXT NOT NULL,
    interval_seconds  INT NOT NULL,
    status            VARCHAR(16) NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX device_authorization_expires_at ON device_authorization (expires_at);
