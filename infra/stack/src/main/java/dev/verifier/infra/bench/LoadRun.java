package dev.verifier.infra.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one operation from several workers in a closed loop (each sends its next request when the last one is answered)
 * for a bounded time and count, and reports throughput and latency percentiles.
 */
final class LoadRun {

    /** One operation; answers true when the server answered as expected. */
    interface Operation {
        boolean run() throws Exception;
    }

    record Result(String name, int workers, long ok, long failed, double seconds, long[] latenciesNanos) {

        String line() {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return String.format("%-38s workers=%d  ok=%d  failed=%d  %8.1f ops/s  p50=%6.2f ms  p95=%6.2f ms  p99=%6.2f ms",
                    name, workers, ok, failed, throughput(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
        }

        double throughput() {
            return ok / seconds;
        }

        private static double ms(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
        }
    }

    private LoadRun() {
    }

    static Result run(String name, int workers, Duration duration, int maxOperations, Operation operation)
            throws Exception {
        AtomicInteger budget = new AtomicInteger(maxOperations);
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long failed = 0;
                while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = operation.run();
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (ok) {
                        latencies.add(System.nanoTime() - t0);
                    } else {
                        failed++;
                    }
                }
                long[] out = new long[latencies.size() + 1];
                out[0] = failed;
                for (int i = 0; i < latencies.size(); i++) {
                    out[i + 1] = latencies.get(i);
                }
                return out;
            }));
        }
        long failed = 0;
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            failed += r[0];
            for (int i = 1; i < r.length; i++) {
                all.add(r[i]);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(name, workers, all.size(), failed, seconds, all.stream().mapToLong(Long::longValue).toArray());
    }
}
