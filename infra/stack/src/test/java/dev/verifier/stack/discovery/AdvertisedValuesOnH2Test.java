package dev.verifier.stack.discovery;

import dev.verifier.stack.support.VerifierStack.Database;

/** Every advertised value with every service on its own H2 database. */
class AdvertisedValuesOnH2Test extends AdvertisedValuesContract {

    @Override
    Database database() {
        return Database.H2;
    }
}
