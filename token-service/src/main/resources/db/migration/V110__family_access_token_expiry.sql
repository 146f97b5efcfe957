-- Housekeeping deletes the records of access tokens past their expiry (plus the validators' clock skew) from every
-- family, not only with the family 90 days later: one row is written per access token issued, every refresh included.
-- An index only: a copy of the previous release keeps reading and writing the table as before.
CREATE INDEX family_access_token_expires_at ON family_access_token (expires_at);
