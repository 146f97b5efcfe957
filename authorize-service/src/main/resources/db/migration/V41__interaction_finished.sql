-- Login and consent pages no longer store a row per anonymous /authorize: the pending request travels sealed
-- (AES-256-GCM) in the page's interaction field. Only a posted form writes a row, here, so that an interaction is
-- used once. The interaction table stays for pages rendered by the previous release during a rolling upgrade.
CREATE TABLE interaction_finished (
    id_hash    VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX interaction_finished_expires_at ON interaction_finished (expires_at);
