package dev.verifier.stack.flow;

import dev.verifier.stack.support.VerifierStack.Database;

/** The public-client journey with every service on its own H2 database. */
class PublicClientFlowOnH2Test extends PublicClientFlowContract {

    @Override
    Database database() {
        return Database.H2;
    }
}
