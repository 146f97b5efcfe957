-- DPoP (RFC 9449): the key a public client's refresh tokens are bound to (RFC 7638 thumbprint); null: not bound.
-- Additive and nullable, so a copy of the previous release keeps writing and reading families during an upgrade.
ALTER TABLE grant_family ADD COLUMN dpop_jkt VARCHAR(64);
