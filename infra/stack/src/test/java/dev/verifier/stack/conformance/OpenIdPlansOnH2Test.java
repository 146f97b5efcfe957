package dev.verifier.stack.conformance;

import dev.verifier.stack.support.VerifierStack.Database;

/** The Basic OP and Config OP plans, module by module, on H2. */
class OpenIdPlansOnH2Test extends OpenIdPlansContract {

    @Override
    Database database() {
        return Database.H2;
    }
}
