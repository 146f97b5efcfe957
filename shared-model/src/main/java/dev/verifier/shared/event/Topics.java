package dev.verifier.shared.event;

/** The Kafka topics of the contract (ARCHITECTURE.md). */
public final class Topics {

    public static final String CODE_ISSUED = "verifier.code-issued";
    public static final String CLIENT_CHANGED = "verifier.client-changed";

    private Topics() {
    }
}
