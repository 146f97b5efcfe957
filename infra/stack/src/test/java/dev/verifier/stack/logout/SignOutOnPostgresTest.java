package dev.verifier.stack.logout;

import dev.verifier.stack.support.VerifierStack.Database;

/** Sign-out across the services, each on its own database on a real PostgreSQL 15. */
class SignOutOnPostgresTest extends SignOutContract {

    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
