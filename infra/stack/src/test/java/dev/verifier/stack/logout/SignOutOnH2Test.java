package dev.verifier.stack.logout;

import dev.verifier.stack.support.VerifierStack.Database;

/** Sign-out across the services, each on an H2 file database. */
class SignOutOnH2Test extends SignOutContract {

    @Override
    Database database() {
        return Database.H2;
    }
}
