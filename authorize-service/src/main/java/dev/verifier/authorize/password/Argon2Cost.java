package dev.verifier.authorize.password;

/**
 * Argon2id parameters (RFC 9106 §3.1): memory in KiB (m), passes (t) and lanes (p). The bounds are RFC 9106's, with
 * memory capped at 4 GiB and passes at 1,000 so that a stored hash can never ask for an absurd amount of work.
 */
public record Argon2Cost(int memoryKib, int iterations, int parallelism) {

    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 1000;
    static final int MAX_PARALLELISM = 255;

    public Argon2Cost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parallelism must be 1 to " + MAX_PARALLELISM);
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be 8 KiB per lane to " + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations must be 1 to " + MAX_ITERATIONS);
        }
    }

    /** True when any parameter is lower than the required one: such a hash is rehashed at the next login. */
    public boolean isBelow(Argon2Cost required) {
        return memoryKib < required.memoryKib || iterations < required.iterations
                || parallelism < required.parallelism;
    }

    /** The PHC parameter string, {@code m=19456,t=2,p=1}. */
    @Override
    public String toString() {
        return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }
}
