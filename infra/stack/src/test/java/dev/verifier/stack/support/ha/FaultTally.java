package dev.verifier.stack.support.ha;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the journeys of the fault test saw, counted from the client's side. */
public final class FaultTally {

    public final AtomicInteger codesIssued = new AtomicInteger();
    public final AtomicInteger loginsWithoutCode = new AtomicInteger();
    public final AtomicInteger loginRetries = new AtomicInteger();
    public final AtomicInteger codesRedeemed = new AtomicInteger();
    public final AtomicInteger failedRedemptions = new AtomicInteger();
    /** Failed redemptions whose first attempt was cut by the proxy (the copy holding it died): explained. */
    public final AtomicInteger failedRedemptionsCutByCrash = new AtomicInteger();
    public final AtomicInteger refreshed = new AtomicInteger();
    public final AtomicInteger failedRefreshes = new AtomicInteger();
    public final AtomicInteger retriedWithinGrace = new AtomicInteger();
    public final AtomicInteger duplicateTokens = new AtomicInteger();
    /** 5xx answered by a copy, by copy name; 5xx made by the proxy or lost connections under "proxy". */
    public final Map<String, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> successesPerCode = new ConcurrentHashMap<>();
    public final Set<String> codes = ConcurrentHashMap.newKeySet();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    public void serverError(String copy) {
        serverErrors.computeIfAbsent(copy, c -> new AtomicInteger()).incrementAndGet();
    }

    public void token(String value) {
        if (value != null && !tokens.add(value)) {
            duplicateTokens.incrementAndGet();
        }
    }

    public int proxyErrors() {
        return serverErrors.getOrDefault("proxy", new AtomicInteger()).get();
    }

    public int copyErrors() {
        return serverErrors.entrySet().stream().filter(e -> !e.getKey().equals("proxy"))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    public long codesRedeemedTwice() {
        return successesPerCode.values().stream().filter(n -> n.get() > 1).count();
    }

    public String report() {
        return String.format("""
                fault test report
                  codes issued                 %d  (logins without a code: %d, login attempts retried: %d)
                  codes redeemed               %d
                  failed redemptions           %d  (of which cut by the killed copy: %d)
                  codes redeemed twice         %d
                  refreshes                    %d  (failed: %d, retried within the grace: %d)
                  5xx seen                     %d  (from a copy: %d %s; made by the proxy / connection lost: %d)
                  duplicate tokens             %d""",
                codesIssued.get(), loginsWithoutCode.get(), loginRetries.get(), codesRedeemed.get(),
                failedRedemptions.get(), failedRedemptionsCutByCrash.get(), codesRedeemedTwice(), refreshed.get(),
                failedRefreshes.get(), retriedWithinGrace.get(), copyErrors() + proxyErrors(), copyErrors(),
                serverErrors, proxyErrors(), duplicateTokens.get());
    }
}
