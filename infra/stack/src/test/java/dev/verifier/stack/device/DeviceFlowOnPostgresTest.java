package dev.verifier.stack.device;

import dev.verifier.stack.support.VerifierStack.Database;

/** The device flow with every service on its own database on a real PostgreSQL 15. */
class DeviceFlowOnPostgresTest extends DeviceFlowContract {

    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
