package dev.verifier.stack.dpop;

import dev.verifier.stack.support.VerifierStack.Database;

/** The DPoP-bound public-client journey with every service on its own database on a real PostgreSQL 15. */
class DPoPPublicClientOnPostgresTest extends DPoPPublicClientContract {

    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
