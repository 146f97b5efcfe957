package dev.verifier.infra.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP exchanges the benchmark measures, as a relying party and a browser send them to the local stack. */
final class Flows {

    static final String AUTHORIZE = "http://localhost:9000";
    static final String TOKEN = "http://localhost:9001";
    static final String REGISTRY = "http://localhost:9002";
    static final String RESOURCE_API = "http://localhost:9003";
    private static final String REDIRECT = RESOURCE_API + "/demo/";
    private static final SecureRandom RANDOM = new SecureRandom();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String publicClientId;

    Flows(String publicClientId) {
        this.publicClientId = publicClientId;
    }

    /** A browser with its own cookies (the SSO session) that never follows redirects. */
    static final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What a /token answer carried (null when it was not a 200 with that member). */
    record Tokens(String accessToken, String refreshToken) {
    }

    /**
     * /authorize (logging in and consenting if asked) → code in the redirect → /token with the PKCE verifier, as the
     * public demo client.
     */
    Tokens codeFlow(Browser browser, String username, String password, String scope) throws Exception {
        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String query = "response_type=code&client_id=" + enc(publicClientId) + "&redirect_uri=" + enc(REDIRECT)
                + "&scope=" + enc(scope) + "&state=" + random() + "&nonce=" + random()
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        HttpResponse<String> page = browser.client.send(HttpRequest.newBuilder(
                URI.create(AUTHORIZE + "/authorize?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() == 200 && page.body().contains("action=\"/login\"")) {
            page = post(browser, "/login", "interaction=" + enc(hidden(page, "interaction")) + "&csrf_token="
                    + enc(hidden(page, "csrf_token")) + "&username=" + enc(username)
                    + "&password=" + enc(password));
        }
        if (page.statusCode() == 200 && page.body().contains("action=\"/consent\"")) {
            page = post(browser, "/consent", "interaction=" + enc(hidden(page, "interaction")) + "&csrf_token="
                    + enc(hidden(page, "csrf_token")) + "&decision=approve");
        }
        int status = page.statusCode();
        String location = page.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no redirect: " + status));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("no code in " + location);
        }
        return token("grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri=" + enc(REDIRECT)
                + "&client_id=" + enc(publicClientId) + "&code_verifier=" + verifier, null);
    }

    /** A refresh with rotation: the new pair, or nulls when refused. */
    Tokens refresh(String refreshToken) throws Exception {
        return token("grant_type=refresh_token&refresh_token=" + enc(refreshToken) + "&client_id="
                + enc(publicClientId), null);
    }

    Tokens token(String form, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TOKEN + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
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

    private static HttpResponse<String> post(Browser browser, String path, String form)
            throws IOException, InterruptedException {
        return browser.client.send(HttpRequest.newBuilder(URI.create(AUTHORIZE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", AUTHORIZE)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hidden(HttpResponse<String> page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " on the page");
        }
        return m.group(1);
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
