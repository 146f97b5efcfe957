-- Signing keys, shared by every copy. The state is derived from the timestamps: a key is "next" before
-- activates_at, "current" while it is the newest active key of its algorithm, "previous" once a newer key of the same
-- algorithm is active, until every token it signed has expired. The private JWK is AES-GCM encrypted
-- (VERIFIER_SECRETS_KEY). (alg, generation) is unique so that copies rotating at once insert one key.
CREATE TABLE signing_key (
    kid            VARCHAR(64) PRIMARY KEY,
    alg            VARCHAR(16) NOT NULL,
    generation     INTEGER NOT NULL,
    private_jwk    TEXT NOT NULL,
    public_jwk     TEXT NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    activates_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signing_key_alg_generation UNIQUE (alg, generation)
);

-- Client-assertion jti single-use store (RFC 7523 §3 item 7), kept until the assertion expires.
CREATE TABLE client_assertion_jti (
    client_id   VARCHAR(128) NOT NULL,
    jti         VARCHAR(255) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX client_assertion_jti_expires_at ON client_assertion_jti (expires_at);

-- Everything issued from one authorization code (or one client_credentials grant is not a family): the refresh
-- tokens and the access tokens, revoked together on code reuse or refresh-token reuse.
CREATE TABLE grant_family (
    id                   VARCHAR(64) PRIMARY KEY,
    client_id            VARCHAR(128) NOT NULL,
    subject              VARCHAR(255) NOT NULL,
    scope                VARCHAR(2000) NOT NULL,
    auth_time            TIMESTAMP WITH TIME ZONE NOT NULL,
    claims               TEXT NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    absolute_expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX grant_family_absolute_expires_at ON grant_family (absolute_expires_at);

-- Refresh tokens, keyed by the SHA-256 of the token (never the token).
CREATE TABLE refresh_token (
    token_hash       VARCHAR(64) PRIMARY KEY,
    family_id        VARCHAR(64) NOT NULL REFERENCES grant_family (id) ON DELETE CASCADE,
    scope            VARCHAR(2000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    idle_expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

-- Access tokens issued in a family (their jti), to revoke them with it.
CREATE TABLE family_access_token (
    jti         VARCHAR(64) PRIMARY KEY,
    family_id   VARCHAR(64) NOT NULL REFERENCES grant_family (id) ON DELETE CASCADE,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX family_access_token_family ON family_access_token (family_id);

-- Revoked access tokens (by jti) until they expire; introspection checks this list.
CREATE TABLE revoked_access_token (
    jti         VARCHAR(64) PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX revoked_access_token_expires_at ON revoked_access_token (expires_at);

ALTER TABLE received_code ADD COLUMN family_id VARCHAR(64);
