package dev.verifier.shared.cyclefixture.front;

import dev.verifier.shared.cyclefixture.back.Back;

/** A test fixture: a package cycle (front → back → front) that {@code PackageCyclesTest} must find. */
public class Front {

    public Back back() {
        return new Back();
    }
}
