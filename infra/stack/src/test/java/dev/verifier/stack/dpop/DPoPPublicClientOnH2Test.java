package dev.verifier.stack.dpop;

import dev.verifier.stack.support.VerifierStack.Database;

/** The DPoP-bound public-client journey with every service on its own H2 database. */
class DPoPPublicClientOnH2Test extends DPoPPublicClientContract {

    @Override
    Database database() {
        return Database.H2;
    }
}
