-- Pushed authorization requests (RFC 9126): keyed by the SHA-256 of the request_uri, bound to the client,
-- single use (deleted when taken) and short-lived.
CREATE TABLE pushed_request (
    id_hash        VARCHAR(64) PRIMARY KEY,
    client_id      VARCHAR(128) NOT NULL,
    parameters     TEXT NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pushed_request_expires_at ON pushed_request (expires_at);

-- Client-assertion jtis used at /par (client_secret_jwt, private_key_jwt): a replay is a duplicate key.
CREATE TABLE client_assertion_jti (
    client_id   VARCHAR(128) NOT NULL,
    jti         VARCHAR(255) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX client_assertion_jti_expires_at ON client_assertion_jti (expires_at);
