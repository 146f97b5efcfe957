package dev.verifier.stack.support.ha;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import dev.verifier.stack.support.ha.TokenCalls.Answer;

/**
 * One user's complete journey as a careful client makes it: sign in (again, up to three times, if the sign-in did not
 * come back with a code), redeem the code, refresh once. A token request cut by the proxy (the copy that had it died)
 * is retried once with the same code or refresh token, as a client does after a network error.
 */
public final class Journey {

    private final Login login;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String redirectUri;
    private final TokenCalls calls;
    private final FaultTally tally;

    public Journey(Login login, URI tokenEndpoint, String clientId, String redirectUri, TokenCalls calls,
                   FaultTally tally) {
        this.login = login;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.calls = calls;
        this.tally = tally;
    }

    public void run() {
        Login.Result signedIn = null;
        for (int attempt = 0; attempt < 3 && (signedIn == null || signedIn.code().isEmpty()); attempt++) {
            if (attempt > 0) {
                tally.loginRetries.incrementAndGet();
            }
            signedIn = login.run();
            signedIn.serverErrors().forEach((copy, n) -> {
                for (int i = 0; i < n; i++) {
                    tally.serverError(copy.equals("connection") ? "proxy" : copy);
                }
            });
        }
        if (signedIn.code().isEmpty()) {
            tally.loginsWithoutCode.incrementAndGet();
            return;
        }
        String code = signedIn.code().get();
        tally.codesIssued.incrementAndGet();
        tally.codes.add(code);
        Answer first = calls.post(tokenEndpoint, HaClients.codeForm(clientId, redirectUri, code,
                signedIn.verifier().getValue()));
        Answer tokens = note(first).isServerError() && first.copy().isEmpty()
                ? note(calls.post(tokenEndpoint, HaClients.codeForm(clientId, redirectUri, code,
                        signedIn.verifier().getValue())))
                : first;
        if (tokens.status() != 200) {
            tally.failedRedemptions.incrementAndGet();
            if (first.isServerError() && first.copy().isEmpty()) {
                tally.failedRedemptionsCutByCrash.incrementAndGet();
            }
            return;
        }
        tally.codesRedeemed.incrementAndGet();
        tally.successesPerCode.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        tally.token(tokens.string("access_token"));
        tally.token(tokens.string("refresh_token"));
        refresh(tokens.string("refresh_token"));
    }

    private void refresh(String refreshToken) {
        Answer first = note(calls.post(tokenEndpoint, HaClients.refreshForm(clientId, refreshToken)));
        Answer refreshed = first;
        if (first.isServerError() && first.copy().isEmpty()) {
            tally.retriedWithinGrace.incrementAndGet();
            refreshed = note(calls.post(tokenEndpoint, HaClients.refreshForm(clientId, refreshToken)));
        }
        if (refreshed.status() != 200) {
            tally.failedRefreshes.incrementAndGet();
            return;
        }
        tally.refreshed.incrementAndGet();
        tally.token(refreshed.string("access_token"));
        tally.token(refreshed.string("refresh_token"));
    }

    private Answer note(Answer answer) {
        if (answer.isServerError()) {
            tally.serverError(answer.copy().orElse("proxy"));
        }
        return answer;
    }
}
