-- Client-assertion jtis used at /par are now recorded in token-service's store, the one /token uses
-- (POST /internal/jti), so an assertion cannot be used once here and once there.
DROP TABLE client_assertion_jti;
