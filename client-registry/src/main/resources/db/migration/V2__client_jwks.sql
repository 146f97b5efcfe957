-- The last good JWK set fetched from each client's jwks_uri (kept across restarts), and the fetch bookkeeping that
-- bounds refetches across every copy of the registry.
CREATE TABLE client_jwks (
    client_id          VARCHAR(128) PRIMARY KEY,
    jwks_uri           VARCHAR(2048) NOT NULL,
    jwks               TEXT,
    fetched_at         TIMESTAMP WITH TIME ZONE,
    expires_at         TIMESTAMP WITH TIME ZONE,
    last_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error         VARCHAR(255)
);

CREATE INDEX client_created_at_idx ON client (created_at, client_id);
