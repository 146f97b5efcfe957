package dev.verifier.infra.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a running local stack (infra/run-local.sh) over loopback, each scenario for a bounded time and count:
 * client_credentials token issuance (client auth + signing), JWKS, access-token validation at resource-api, and the
 * whole Authorization Code + PKCE round trip with an SSO session (authorize → Kafka code-issued event → token), and
 * the same round trip with a login every time (a new browser: the password check at the stack's password cost).
 * Usage: {@code infra/bench.sh [seconds-per-scenario] [workers] [login]} ({@code login}: that scenario only).
 */
public final class Benchmark {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> env;

    private Benchmark(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        boolean loginOnly = args.length > 2 && args[2].equals("login");
        Map<String, String> env = new HashMap<>(readEnv(Path.of("data/secrets.env")));
        env.putAll(readEnv(Path.of("data/demo.env")));
        new Benchmark(env).runAll(duration, workers, loginOnly);
    }

    private void runAll(Duration duration, int workers, boolean loginOnly) throws Exception {
        System.out.printf("Verifier benchmark: %d s per scenario, %d workers, %d cores, loopback only%n",
                duration.toSeconds(), workers, Runtime.getRuntime().availableProcessors());
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (env.get("VERIFIER_ADMIN_CLIENT_ID") + ":" + env.get("VERIFIER_ADMIN_CLIENT_SECRET"))
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create("http://localhost:9001/token"))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=users.admin")).build();
        try (BenchUser user = BenchUser.create(http, accessToken(http.send(tokenRequest,
                HttpResponse.BodyHandlers.ofString()).body()))) {
            codeFlow(new Session(), user.username, user.password); // consents once for this user; every later login skips the consent page
            print(LoadRun.run("login: /authorize → /login → /token", workers, duration, 20_000,
                    () -> codeFlow(new Session(), user.username, user.password).accessToken() != null));
        }
        if (loginOnly) {
            return;
        }
        print(LoadRun.run("POST /token client_credentials", workers, duration, 100_000,
                () -> http.send(tokenRequest, HttpResponse.BodyHandlers.discarding()).statusCode() == 200));

        HttpRequest jwks = HttpRequest.newBuilder(URI.create("http://localhost:9001/jwks")).build();
        print(LoadRun.run("GET /jwks", workers, duration, 200_000,
                () -> http.send(jwks, HttpResponse.BodyHandlers.discarding()).statusCode() == 200));

        String demo = env.get("DEMO_USERNAME");
        String demoPassword = env.get("DEMO_PASSWORD");
        String userToken = codeFlow(new Session(), demo, demoPassword).accessToken();
        HttpRequest me = HttpRequest.newBuilder(URI.create("http://localhost:9003/api/me"))
                .header("Authorization", "Bearer " + userToken).build();
        print(LoadRun.run("GET /api/me (token validation)", workers, duration, 200_000,
                () -> http.send(me, HttpResponse.BodyHandlers.discarding()).statusCode() == 200));

        ThreadLocal<Session> sessions = ThreadLocal.withInitial(() -> {
            Session s = new Session();
            try {
                codeFlow(s, demo, demoPassword); // logs in and consents once; later rounds reuse the SSO session
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return s;
        });
        print(LoadRun.run("code flow: /authorize → /token", workers, duration, 20_000,
                () -> codeFlow(sessions.get(), demo, demoPassword).accessToken() != null));
    }

    private static String accessToken(String tokenResponse) {
        Matcher m = ACCESS_TOKEN.matcher(tokenResponse);
        if (!m.find()) {
            throw new IllegalStateException("no admin token: " + tokenResponse);
        }
        return m.group(1);
    }

    /** A browser with its own cookies (the SSO session) that never follows redirects. */
    private static final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private record Tokens(String accessToken) {
    }

    /** /authorize (logging in and consenting if asked) → code in the redirect → /token with the PKCE verifier. */
    private Tokens codeFlow(Session session, String username, String password) throws Exception {
        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://localhost:9003/demo/";
        String query = "response_type=code&client_id=" + enc(env.get("DEMO_CLIENT_ID")) + "&redirect_uri=" + enc(redirect)
                + "&scope=" + enc("openid profile") + "&state=" + random() + "&nonce=" + random()
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        HttpResponse<String> page = session.client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:9000/authorize?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() == 200 && page.body().contains("action=\"/login\"")) {
            page = post(session, "/login", "interaction=" + enc(hidden(page, "interaction")) + "&csrf_token="
                    + enc(hidden(page, "csrf_token")) + "&username=" + enc(username)
                    + "&password=" + enc(password));
        }
        if (page.statusCode() == 200 && page.body().contains("action=\"/consent\"")) {
            page = post(session, "/consent", "interaction=" + enc(hidden(page, "interaction")) + "&csrf_token="
                    + enc(hidden(page, "csrf_token")) + "&decision=approve");
        }
        int status = page.statusCode();
        String location = page.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no redirect: " + status));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("no code in " + location);
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://localhost:9001/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code.group(1)
                        + "&redirect_uri=" + enc(redirect) + "&client_id=" + enc(env.get("DEMO_CLIENT_ID"))
                        + "&code_verifier=" + verifier)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher at = ACCESS_TOKEN.matcher(token.body());
        return new Tokens(token.statusCode() == 200 && at.find() ? at.group(1) : null);
    }

    private static HttpResponse<String> post(Session session, String path, String form)
            throws IOException, InterruptedException {
        return session.client.send(HttpRequest.newBuilder(URI.create("http://localhost:9000" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:9000")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hidden(HttpResponse<String> page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " on the page");
        }
        return m.group(1);
    }

    private static void print(LoadRun.Result result) {
        System.out.println(result.line());
    }

    private static String random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: start the stack with infra/run-local.sh first");
        }
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
