package dev.verifier.shared.kafka;

/** What every {@code @KafkaListener} of the services shares. */
public final class Listeners {

    /**
     * How long one poll of a listener's consumer waits for records before its loop goes round again. A poll returns as
     * soon as a record arrives, so this is not a delay on delivery: it is how often an idle consumer's loop runs
     * (Micronaut's default, 100 ms, made each idle listener cost 2-3 ms of CPU per second: six in token-service,
     * two in authorize-service). The loop also resumes partitions paused by a listener's retry delay, so a retry
     * waits up to this long when the topic is quiet, even where the retry delay is shorter.
     */
    public static final String POLL_TIMEOUT = "1s";

    private Listeners() {
    }
}
