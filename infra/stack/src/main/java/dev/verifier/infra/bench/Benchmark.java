package dev.verifier.infra.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a running local stack (infra/run-local.sh) over loopback. Each scenario runs closed-loop from several
 * workers, first for a warm-up that is not counted, then for the measured time, and prints throughput, latency
 * percentiles and the CPU milliseconds per operation of each process of the stack (with its children) and their sum,
 * the load generator's own (this JVM's), then each process's resident memory. Scenarios: the full login (a new visitor
 * each time, without cookies, on kept-alive connections: /authorize → /login → code → /token, first-party, consent
 * given once before), the code flow with an SSO session, refresh with rotation, client_credentials
 * (client_secret_basic), introspection, access-token validation at resource-api, JWKS.
 * Usage: {@code infra/bench.sh [seconds-per-scenario] [workers] [scenario...]}; defaults 15 s and 8 workers, all
 * scenarios, 5 s of warm-up each ({@code VERIFIER_BENCH_WARMUP} seconds).
 */
public final class Benchmark {

    private final Map<String, String> env;
    private final Flows flows;
    private final ProcessMeter meter;
    private final Duration duration;
    private final Duration warmup;
    private final int workers;
    private final RedeemableLag lag; // Verifier only

    private Benchmark(Map<String, String> env, Target target, ProcessMeter meter, Duration duration, Duration warmup,
                      int workers) {
        this.env = env;
        this.flows = new Flows(target);
        this.meter = meter;
        this.duration = duration;
        this.warmup = warmup;
        this.workers = workers;
        this.lag = target.resourceServer() == null ? null
                : new RedeemableLag(flows.http, target.tokenEndpoint().replaceFirst("/token$", ""));
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 15);
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Exchange.keepConnectionsFor(workers);
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Duration warmup = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("VERIFIER_BENCH_WARMUP", "5")));
        String peer = System.getenv().getOrDefault("VERIFIER_BENCH_PEER_PORT", "");
        Map<String, String> env = new HashMap<>();
        if (peer.isEmpty()) {
            env.putAll(readEnv(Path.of("data/secrets.env")));
            env.putAll(readEnv(Path.of("data/demo.env")));
        } else {
            env.put("PEER_PASSWORD", System.getenv("VERIFIER_BENCH_PEER_PASSWORD"));
        }
        Target target = peer.isEmpty() ? Target.verifier(env) : Target.nodeOidcProvider(Integer.parseInt(peer));
        ProcessMeter meter = ProcessMeter.fromPidFiles(Path.of(System.getenv().getOrDefault("VERIFIER_BENCH_PIDS",
                "data/pids")));
        new Benchmark(env, target, meter, duration, warmup, workers).runAll(only);
    }

    private void runAll(List<String> only) throws Exception {
        System.out.printf("%s benchmark %s: %d s per scenario after %d s of warm-up, %d workers, %d cores, "
                        + "loopback only%n", flows.target.name(), ZonedDateTime.now().withNano(0), duration.toSeconds(),
                warmup.toSeconds(), workers, Runtime.getRuntime().availableProcessors());
        try (Parties parties = flows.target.resourceServer() == null ? Parties.peer(env.get("PEER_PASSWORD"), workers)
                : Parties.verifier(flows, env, workers)) {
            flows.codeFlow(new Flows.Browser(), parties.username(), parties.password(), "openid profile offline_access");
            for (Scenario scenario : scenarios(parties)) {
                if (only.isEmpty() || only.contains(scenario.key())) {
                    measure(scenario);
                }
            }
        }
        System.out.println();
        System.out.println("resident memory (MiB) after the run: " + format(meter.residentMiB(), "%.0f"));
    }

    private record Scenario(String key, String name, int maxOperations, LoadRun.Operation operation) {
    }

    private List<Scenario> scenarios(Parties user) throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        // each login a new visitor (no cookies) on kept-alive connections
        ThreadLocal<Flows.Browser> visitors = ThreadLocal.withInitial(Flows.Browser::new);
        scenarios.add(new Scenario("login", "login: /authorize → /login → /token", 50_000, () -> flows.codeFlow(
                visitors.get().clearCookies(), user.username(), user.password(), "openid profile")
                .accessToken() != null));

        ThreadLocal<Flows.Browser> sessions = ThreadLocal.withInitial(() -> {
            Flows.Browser browser = new Flows.Browser();
            call(() -> flows.codeFlow(browser, user.username(), user.password(), "openid profile"));
            return browser;
        });
        scenarios.add(new Scenario("sso", "code flow with SSO: /authorize → /token", 50_000, () -> flows.codeFlow(
                sessions.get(), user.username(), user.password(), "openid profile").accessToken() != null));

        ThreadLocal<String[]> chains = ThreadLocal.withInitial(() -> new String[] {call(() -> flows.codeFlow(
                new Flows.Browser(), user.username(), user.password(), "openid profile offline_access")).refreshToken()});
        scenarios.add(new Scenario("refresh", "refresh_token with rotation", 200_000, () -> {
            String[] chain = chains.get();
            Flows.Tokens next = flows.refresh(chain[0]);
            if (next.refreshToken() == null) {
                return false;
            }
            chain[0] = next.refreshToken();
            return true;
        }));

        String ccForm = "grant_type=client_credentials&scope=notes.read";
        scenarios.add(new Scenario("client_credentials", "client_credentials (client_secret_basic)", 500_000,
                () -> flows.token(ccForm, user.clientAuthorization()).accessToken() != null));

        String userToken = flows.codeFlow(new Flows.Browser(), user.username(), user.password(), "openid profile notes.read")
                .accessToken();
        if (flows.target.introspectionEndpoint() != null) {
            URI introspect = URI.create(flows.target.introspectionEndpoint());
            Map<String, String> headers = Flows.form("Authorization", user.clientAuthorization());
            String form = "token=" + Flows.enc(userToken);
            scenarios.add(new Scenario("introspection", "POST /introspect (active token)", 500_000, () -> {
                Exchange answer = Exchange.post(introspect, headers, form);
                return answer.status() == 200 && answer.body().contains("\"active\":true");
            }));
        }

        if (flows.target.resourceServer() != null) {
            URI me = URI.create(flows.target.resourceServer());
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + userToken);
            scenarios.add(new Scenario("validation", "GET /api/me (resource-api validation)", 500_000,
                    () -> Exchange.get(me, bearer).status() == 200));
        }

        URI jwks = URI.create(flows.target.jwksUri());
        scenarios.add(new Scenario("jwks", "GET /jwks", 500_000, () -> Exchange.get(jwks, Map.of()).status() == 200));
        return scenarios;
    }

    private void measure(Scenario scenario) throws Exception {
        LoadRun.run(scenario.name(), workers, warmup, scenario.maxOperations(), scenario.operation());
        Map<Double, Double> lagBefore = lag == null ? Map.of() : lag.buckets();
        Map<String, Double> before = meter.cpuMillis();
        double generatorBefore = ProcessMeter.ownCpuMillis();
        LoadRun.Result result = LoadRun.run(scenario.name(), workers, duration, scenario.maxOperations(),
                scenario.operation());
        Map<String, Double> after = meter.cpuMillis();
        double generator = (ProcessMeter.ownCpuMillis() - generatorBefore) / Math.max(1, result.ok());
        System.out.println(result.line());
        String lagLine = lag == null ? null : RedeemableLag.describe(lagBefore, lag.buckets());
        if (lagLine != null) {
            System.out.println(lagLine);
        }
        if (result.ok() == 0 || before.isEmpty()) {
            return;
        }
        Map<String, Double> perOperation = new java.util.LinkedHashMap<>();
        double sum = 0;
        for (String name : before.keySet()) {
            double ms = (after.getOrDefault(name, before.get(name)) - before.get(name)) / result.ok();
            perOperation.put(name, ms);
            sum += ms;
        }
        System.out.printf("    CPU-ms/op: total %.3f  (%s)%n", sum, format(perOperation, "%.3f"));
        System.out.printf("    load generator (this JVM, on the same cores, not in the total): %.3f CPU-ms/op%n",
                generator);
    }

    private static String format(Map<String, Double> values, String number) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> out.append(out.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(String.format(number, value)));
        return out.toString();
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
