-- Indexes for the clean-ups: expired interactions and sessions, and a deleted user's sessions and consents.
CREATE INDEX interaction_expires_at ON interaction (expires_at);
CREATE INDEX sso_session_expires_at ON sso_session (expires_at);
CREATE INDEX sso_session_subject ON sso_session (subject);
CREATE INDEX consent_subject ON consent (subject);
