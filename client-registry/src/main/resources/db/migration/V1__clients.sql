-- Registered clients. metadata holds the RFC 7591 metadata JSON as registered (unknown fields already dropped).
CREATE TABLE client (
    client_id          VARCHAR(128) PRIMARY KEY,
    metadata           TEXT NOT NULL,
    auth_method        VARCHAR(32) NOT NULL,
    secret_hash        VARCHAR(255),
    secret_ciphertext  TEXT,
    secret_key_id      VARCHAR(64),
    first_party        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
