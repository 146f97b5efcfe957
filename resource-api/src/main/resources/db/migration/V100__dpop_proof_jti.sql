-- DPoP (RFC 9449 §11.1): the jti of each proof accepted here, per key (RFC 7638 thumbprint), until the proof would be
-- too old anyway; every copy of resource-api shares it, so a proof replayed to another copy is caught. A new table:
-- a copy of the previous release ignores it.
CREATE TABLE dpop_proof_jti (
    key_id      VARCHAR(128) NOT NULL,
    jti         VARCHAR(255) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (key_id, jti)
);
CREATE INDEX dpop_proof_jti_expires_at ON dpop_proof_jti (expires_at);
