package dev.verifier.stack.conformance;

import dev.verifier.stack.support.VerifierStack.Database;

/** The Basic OP and Config OP plans, module by module, on Postgres. */
class OpenIdPlansOnPostgresTest extends OpenIdPlansContract {

    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
