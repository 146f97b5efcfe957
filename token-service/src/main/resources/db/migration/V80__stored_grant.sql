-- token-service's own record of a grant (grant.family.StoredGrant, versioned JSON), apart from the code-issued wire
-- record. Nullable: families written by the previous release have none and are read from their code-issued event JSON
-- in claims, which this release keeps writing so that a copy of the previous release can still refresh them.
ALTER TABLE grant_family ADD COLUMN stored_grant TEXT;
