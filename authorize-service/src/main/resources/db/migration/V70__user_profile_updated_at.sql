-- The updated_at claim (OIDC Core 5.1): when the user's claims last changed. Nullable, so that a copy of the previous
-- release (which never writes it) keeps working during a rolling upgrade; a null reads as created_at, which is what
-- the rows written before this column were (claims could only be set at creation).
ALTER TABLE app_user ADD COLUMN profile_updated_at TIMESTAMP WITH TIME ZONE;
UPDATE app_user SET profile_updated_at = created_at WHERE profile_updated_at IS NULL;
