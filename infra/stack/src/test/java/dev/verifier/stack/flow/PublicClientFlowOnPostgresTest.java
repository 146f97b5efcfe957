package dev.verifier.stack.flow;

import dev.verifier.stack.support.VerifierStack.Database;

/** The public-client journey with every service on its own database on a real PostgreSQL 15. */
class PublicClientFlowOnPostgresTest extends PublicClientFlowContract {

    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
