package dev.verifier.infra.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP exchanges the benchmark measures, as a relying party and a browser send them to the local stack. */
final class Flows {

    static final String AUTHORIZE = "http://localhost:9000";
    static final String TOKEN = "http://localhost:9001";
    static final String REGISTRY = "http://localhost:9002";
    static final String RESOURCE_API = "http://localhost:9003";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FIELD = Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    static final Map<String, String> FORM = Map.of("Content-Type", FORM_TYPE);

    /** The headers of a form post with one more header. */
    static Map<String, String> form(String header, String value) {
        return Map.of("Content-Type", FORM_TYPE, header, value);
    }

    /** For setting up (users, clients, metrics); what is measured goes through {@link Exchange}. */
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Target target;
    private final URI tokenEndpoint;

    Flows(Target target) {
        this.target = target;
        this.tokenEndpoint = URI.create(target.tokenEndpoint());
    }

    /**
     * A browser with its own cookies (the SSO session) that never follows redirects. {@link #clearCookies()} makes it
     * a new visitor on kept-alive connections, as a load generator's virtual user starts each iteration (k6 clears a
     * virtual user's cookies per iteration and keeps its connections).
     */
    static final class Browser {
        private volatile CookieManager cookies = new CookieManager();

        Browser clearCookies() {
            cookies = new CookieManager();
            return this;
        }

        Exchange get(URI uri) throws IOException {
            return Exchange.send("GET", uri, Map.of(), null, cookies);
        }

        Exchange post(URI uri, Map<String, String> headers, String form) throws IOException {
            return Exchange.send("POST", uri, headers, form, cookies);
        }
    }

    /** What a /token answer carried (null when it was not a 200 with that member). */
    record Tokens(String accessToken, String refreshToken) {
    }

    /**
     * The authorization request → (the login form posted with the password, the consent page approved, redirects
     * within the server followed, as a browser does) → the code in the redirect → /token with the PKCE verifier, as
     * the target's public client.
     */
    Tokens codeFlow(Browser browser, String username, String password, String scope) throws Exception {
        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String query = "response_type=code&client_id=" + enc(target.publicClientId()) + "&redirect_uri="
                + enc(target.redirectUri()) + "&scope=" + enc(scope) + "&state=" + random() + "&nonce=" + random()
                + "&code_challenge=" + challenge + "&code_challenge_method=S256"
                + (target.offlineNeedsPromptConsent() && scope.contains("offline_access") ? "&prompt=consent" : "");
        Exchange page = browser.get(URI.create(target.authorizationEndpoint() + "?" + query));
        for (int step = 0; step < 10; step++) {
            URI at = page.uri();
            if (page.status() / 100 == 3) {
                URI next = at.resolve(page.header("Location").orElseThrow());
                if (next.toString().startsWith(target.redirectUri())) {
                    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(next.toString());
                    if (!code.find()) {
                        throw new IllegalStateException("no code in " + next);
                    }
                    return token("grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri="
                            + enc(target.redirectUri()) + "&client_id=" + enc(target.publicClientId())
                            + "&code_verifier=" + verifier, null);
                }
                page = browser.get(next);
            } else if (page.status() == 200 && page.body().contains("type=\"password\"")) {
                page = submit(browser, page, "username=" + enc(username) + "&password=" + enc(password));
            } else if (page.status() == 200 && page.body().contains("action=\"/consent\"")) {
                page = submit(browser, page, "decision=approve");
            } else {
                throw new IllegalStateException("unexpected answer " + page.status() + " at " + at);
            }
        }
        throw new IllegalStateException("no code after 10 steps");
    }

    /** A refresh with rotation: the new pair, or nulls when refused. */
    Tokens refresh(String refreshToken) throws Exception {
        return token("grant_type=refresh_token&refresh_token=" + enc(refreshToken) + "&client_id="
                + enc(target.publicClientId()), null);
    }

    Tokens token(String form, String authorization) throws IOException {
        Map<String, String> headers = authorization == null ? FORM
                : form("Authorization", authorization);
        Exchange answer = Exchange.post(tokenEndpoint, headers, form);
        if (answer.status() != 200) {
            return new Tokens(null, null);
        }
        return new Tokens(member(answer.body(), "access_token"), member(answer.body(), "refresh_token"));
    }

    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Posts the page's form: its hidden fields and {@code extra}, with the Origin a browser sends. */
    private Exchange submit(Browser browser, Exchange page, String extra) throws IOException {
        Matcher action = ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no form at " + page.uri());
        }
        StringBuilder form = new StringBuilder(extra);
        Matcher field = FIELD.matcher(page.body());
        while (field.find()) {
            form.append('&').append(enc(field.group(1))).append('=').append(enc(field.group(2)));
        }
        return browser.post(page.uri().resolve(action.group(1)),
                form("Origin", target.issuer()), form.toString());
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
