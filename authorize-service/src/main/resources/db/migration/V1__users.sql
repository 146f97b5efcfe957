-- End users. claims holds the OIDC standard claims as JSON; password_hash a PHC-style KDF string.
CREATE TABLE app_user (
    username       VARCHAR(128) PRIMARY KEY,
    subject        VARCHAR(64) NOT NULL UNIQUE,
    password_hash  VARCHAR(512) NOT NULL,
    claims         TEXT NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
