package dev.verifier.shared.cyclefixture.back;

import dev.verifier.shared.cyclefixture.front.Front;

/** A test fixture: the back edge of the cycle {@code PackageCyclesTest} must find. */
public class Back {

    public Front front() {
        return new Front();
    }
}
