-- Registered APIs (resource servers). identifier is the aud value of the access tokens for the API (an RFC 8707
-- resource indicator); scopes holds the JSON list [{"value", "description"}] as registered, in order.
CREATE TABLE api (
    id                        VARCHAR(64) PRIMARY KEY,
    identifier                VARCHAR(2048) NOT NULL,
    name                      TEXT NOT NULL,
    scopes                    TEXT NOT NULL,
    access_token_lifetime     INTEGER,
    allow_client_credentials  BOOLEAN NOT NULL,
    allow_user_tokens         BOOLEAN NOT NULL,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX api_identifier_idx ON api (identifier);
CREATE INDEX api_created_at_idx ON api (created_at, id);

-- Each scope value of every API, so that a value belongs to one API at most (the primary key) and the API owning a
-- scope is found by an index. Client writes lock the rows of the scopes they use, API writes lock the rows they
-- remove, so a scope in use by a client is never removed under it.
CREATE TABLE api_scope (
    scope_value  VARCHAR(128) PRIMARY KEY,
    api_id       VARCHAR(64) NOT NULL REFERENCES api (id)
);

CREATE INDEX api_scope_api_idx ON api_scope (api_id);
