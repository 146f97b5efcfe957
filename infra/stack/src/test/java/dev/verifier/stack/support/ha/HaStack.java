package dev.verifier.stack.support.ha;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.verifier.infra.kafka.KafkaBroker;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.Endpoints;
import dev.verifier.stack.support.ServiceProcess;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.testsupport.SharedPostgres;

/**
 * The high-availability topology of {@code infra/run-local.sh --copies N --brokers M}, on free ports: N copies of
 * every service from their real jars behind a real HAProxy (configured by {@code infra/haproxy-config.sh}), an
 * M-node KRaft cluster (each node its own JVM), and every service's copies on one database of a real PostgreSQL. Each
 * process is started by this class and stopped by its id. The test closes it.
 */
public final class HaStack implements Endpoints, AutoCloseable {

    private final Path work;
    private final Map<Service, Integer> fronts;
    private final Map<Service, List<ServiceProcess>> copies = new EnumMap<>(Service.class);
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private final Map<Service, String> databases = new EnumMap<>(Service.class);
    private final String adminSecret = randomBase64Url();
    private Process haproxy;

    private HaStack(Path work, Map<Service, Integer> fronts) {
        this.work = work;
        this.fronts = fronts;
    }

    /** Starts the topology; {@code env} goes to every service copy (a grace period, log levels, ...). */
    public static HaStack start(String name, int copyCount, int brokerCount, Map<String, String> env)
            throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("verifier.root", "../..")).toAbsolutePath().normalize();
        String version = System.getProperty("verifier.version", "0.1.0");
        Path work = root.resolve("infra/stack/target/ha-" + name);
        deleteTree(work);
        Files.createDirectories(work.resolve("logs"));
        Set<Integer> taken = new HashSet<>();
        Map<Service, Integer> fronts = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            fronts.put(s, freePort(taken));
        }
        HaStack stack = new HaStack(work, fronts);
        try {
            stack.startBrokers(brokerCount, taken);
            Map<Service, List<Integer>> copyPorts = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                List<Integer> ports = new ArrayList<>();
                for (int c = 0; c < copyCount; c++) {
                    ports.add(freePort(taken));
                }
                copyPorts.put(s, ports);
            }
            stack.startHaproxy(root, copyPorts);
            Map<String, String> common = stack.commonEnv(brokerCount, env);
            for (Service s : List.of(Service.REGISTRY, Service.TOKEN, Service.AUTHORIZE)) {
                stack.startCopies(s, root, version, copyPorts.get(s), common);
            }
            for (Service s : List.of(Service.REGISTRY, Service.TOKEN, Service.AUTHORIZE)) {
                stack.awaitReady(s);
            }
            stack.startCopies(Service.RESOURCE, root, version, copyPorts.get(Service.RESOURCE), common);
            stack.awaitReady(Service.RESOURCE);
        } catch (RuntimeException | IOException | InterruptedException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startBrokers(int count, Set<Integer> taken) throws IOException, InterruptedException {
        List<Integer> brokerPorts = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            brokerPorts.add(freePort(taken));
            controllerPorts.add(freePort(taken));
        }
        String bp = join(brokerPorts);
        String cp = join(controllerPorts);
        for (int n = 1; n <= count; n++) { // all at once: a node is ready only once a quorum is up
            brokers.add(BrokerProcess.start(n, bp, cp, work.resolve("kafka-" + n), work.resolve("logs")));
        }
        for (BrokerProcess broker : brokers) {
            broker.awaitReady(Duration.ofSeconds(120));
        }
        bootstrap = brokerPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    private String bootstrap;

    private void startHaproxy(Path root, Map<Service, List<Integer>> copyPorts) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("infra/haproxy-config.sh").toString()));
        for (Service s : Service.values()) {
            command.add(s.module + "=" + fronts.get(s) + ":" + join(copyPorts.get(s)));
        }
        Path config = work.resolve("haproxy.cfg");
        Process generate = new ProcessBuilder(command).redirectOutput(config.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (generate.waitFor() != 0) {
            throw new IllegalStateException("infra/haproxy-config.sh failed");
        }
        // which copy answered, for the tests (a 5xx without it was made by the proxy, not by a copy)
        String withCopyHeader = Files.readString(config).replace("    balance roundrobin\n",
                "    balance roundrobin\n    http-response set-header X-Verifier-Copy %[srv_name]\n");
        Files.writeString(config, withCopyHeader);
        haproxy = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("logs/haproxy.log").toFile()))
                .start();
    }

    private Map<String, String> commonEnv(int brokerCount, Map<String, String> env) {
        Map<String, String> common = new HashMap<>();
        common.put("MICRONAUT_ENVIRONMENTS", "local");
        common.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        common.put("VERIFIER_KAFKA_TOPICS_PARTITIONS", "3");
        common.put("VERIFIER_KAFKA_TOPICS_REPLICATION_FACTOR", Integer.toString(Math.min(3, brokerCount)));
        common.put("VERIFIER_URLS_ISSUER", url(Service.AUTHORIZE).toString());
        common.put("VERIFIER_URLS_TOKEN_SERVICE", url(Service.TOKEN).toString());
        common.put("VERIFIER_URLS_REGISTRY", url(Service.REGISTRY).toString());
        common.put("VERIFIER_URLS_RESOURCE_API", url(Service.RESOURCE).toString());
        common.put("VERIFIER_SECRETS_KEY", "ha:" + randomBase64Url());
        common.put("VERIFIER_ADMIN_CLIENT_ID", adminClientId());
        common.put("VERIFIER_ADMIN_CLIENT_SECRET", adminSecret);
        common.put("VERIFIER_HTTP_TRUSTED_PROXIES", "127.0.0.1/32");
        common.put("VERIFIER_SHUTDOWN_DRAIN_DELAY", "3s"); // HAProxy takes a copy out after two failed checks, 1 s apart
        // a broker's death is noticed after a few seconds, longer on a busy machine: wait for the event as long as
        // the producer's delivery timeout (10 s) before asking the user to try again
        common.put("VERIFIER_AUTHORIZE_EVENT_CONFIRM_TIMEOUT", "10s");
        // many logins on 2 cores: a cheap password hash here (Argon2id m=1 MiB, t=1)
        common.put("VERIFIER_PASSWORDS_MEMORY_KIB", "1024");
        common.put("VERIFIER_PASSWORDS_ITERATIONS", "1");
        common.put("VERIFIER_EVENT_KEYS", "ha1:" + randomBase64Url());
        common.put("VERIFIER_AUTHORIZE_CLIENT_ID", "ha-authorize-service");
        common.put("VERIFIER_AUTHORIZE_CLIENT_SECRET", randomBase64Url());
        common.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        common.put("DATASOURCES_DEFAULT_PASSWORD", "postgres");
        common.putAll(env);
        return common;
    }

    private void startCopies(Service s, Path root, String version, List<Integer> ports, Map<String, String> common)
            throws IOException {
        String database = "ha_" + work.getFileName().toString().substring(3).replace('-', '_') + "_"
                + s.module.replace('-', '_');
        databases.put(s, database);
        Map<String, String> env = new HashMap<>(common);
        env.put("DATASOURCES_DEFAULT_URL", SharedPostgres.jdbcUrl(database));
        Path jar = root.resolve(s.module + "/target/" + s.module + "-" + version + ".jar");
        List<ServiceProcess> started = new ArrayList<>();
        for (int c = 0; c < ports.size(); c++) {
            started.add(ServiceProcess.start(s.module, s.module + "-" + (c + 1), jar, ports.get(c), env,
                    work.resolve("logs")));
        }
        copies.put(s, started);
    }

    private void awaitReady(Service s) throws IOException, InterruptedException {
        for (ServiceProcess copy : copies.get(s)) {
            copy.awaitReady(Duration.ofSeconds(600)); // generous: a busy machine starts eight JVMs slowly
        }
        new ServiceFront(url(s)).awaitReady(Duration.ofSeconds(30));
    }

    @Override
    public URI url(Service service) {
        return URI.create("http://localhost:" + fronts.get(service));
    }

    /**
     * The admin fixture, once the stack answers an admin token: right after start a cold copy on a busy machine may
     * still time out a call to another service, which the caller sees as {@code temporarily_unavailable}.
     */
    public Admin admin() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                return new Admin(this);
            } catch (AssertionError | IllegalStateException warmingUp) {
                if (System.nanoTime() > deadline) {
                    throw warmingUp;
                }
                Thread.sleep(2000);
            }
        }
    }

    /** Copy {@code index} (0-based) of {@code service}. */
    public ServiceProcess copy(Service service, int index) {
        return copies.get(service).get(index);
    }

    public int copyCount(Service service) {
        return copies.get(service).size();
    }

    public BrokerProcess broker(int index) {
        return brokers.get(index);
    }

    /** Starts copy {@code index} again after it exited (killed or stopped) and waits until it is ready. */
    public void restartCopy(Service service, int index) throws IOException, InterruptedException {
        ServiceProcess again = copies.get(service).get(index).startAgain();
        copies.get(service).set(index, again);
        again.awaitReady(Duration.ofSeconds(600));
    }

    /** The JDBC URL of the database that the copies of {@code service} share. */
    public String jdbcUrl(Service service) {
        return SharedPostgres.jdbcUrl(databases.get(service));
    }

    public Path logDir() {
        return work.resolve("logs");
    }

    @Override
    public String adminClientId() {
        return "ha-admin";
    }

    @Override
    public String adminClientSecret() {
        return adminSecret;
    }

    /**
     * SIGTERM to every process of the stack at once (the copies, the proxy, the brokers), as a node shutdown does;
     * answers the ids of those still running {@code within} after the signal.
     */
    public List<String> stopAllAtOnce(Duration within) throws InterruptedException {
        copies.values().forEach(list -> list.forEach(ServiceProcess::terminate));
        brokers.forEach(BrokerProcess::terminate);
        haproxy.destroy();
        long deadline = System.nanoTime() + within.toNanos();
        List<String> running = new ArrayList<>();
        for (List<ServiceProcess> list : copies.values()) {
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).awaitExit(left(deadline))) {
                    running.add(list.get(i).name() + " copy " + (i + 1) + " (pid " + list.get(i).pid() + ")");
                }
            }
        }
        for (int i = 0; i < brokers.size(); i++) {
            if (!brokers.get(i).awaitExit(left(deadline))) {
                running.add("broker " + (i + 1) + " (pid " + brokers.get(i).pid() + ")");
            }
        }
        if (!haproxy.waitFor(left(deadline).toMillis(), TimeUnit.MILLISECONDS)) {
            running.add("haproxy (pid " + haproxy.pid() + ")");
        }
        return running;
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    @Override
    public void close() {
        copies.values().forEach(list -> list.forEach(ServiceProcess::terminate));
        copies.values().forEach(list -> list.forEach(ServiceProcess::close));
        if (haproxy != null) {
            haproxy.destroy();
        }
        for (BrokerProcess broker : brokers) {
            try {
                broker.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (haproxy != null) {
            try {
                haproxy.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static int freePort(Set<Integer> taken) throws IOException {
        int port = KafkaBroker.freePort();
        while (!taken.add(port)) {
            port = KafkaBroker.freePort();
        }
        return port;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String randomBase64Url() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
