-- Authorization codes received from authorize-service's code-issued events, keyed by the code's SHA-256.
CREATE TABLE received_code (
    code_hash    VARCHAR(64) PRIMARY KEY,
    client_id    VARCHAR(128) NOT NULL,
    event        TEXT NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX received_code_expires_at ON received_code (expires_at);
