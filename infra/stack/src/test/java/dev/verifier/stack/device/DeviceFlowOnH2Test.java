package dev.verifier.stack.device;

import dev.verifier.stack.support.VerifierStack.Database;

/** The device flow with every service on its own H2 database. */
class DeviceFlowOnH2Test extends DeviceFlowContract {

    @Override
    Database database() {
        return Database.H2;
    }
}
