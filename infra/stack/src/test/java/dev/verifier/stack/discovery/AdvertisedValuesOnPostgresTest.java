package dev.verifier.stack.discovery;

import dev.verifier.stack.support.VerifierStack.Database;

/** Every advertised value with every service on PostgreSQL. */
class AdvertisedValuesOnPostgresTest extends AdvertisedValuesContract {

    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
