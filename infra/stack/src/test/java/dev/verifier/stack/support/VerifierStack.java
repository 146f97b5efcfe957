package dev.verifier.stack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.verifier.infra.kafka.KafkaBroker;
import dev.verifier.testsupport.SharedPostgres;

/**
 * The whole of Verifier as it runs for real: the four services from their packaged jars, each in its own JVM on a
 * free port, real HTTP between them, a real Kafka broker of its own, and per service either an H2 file database or a
 * database on a real PostgreSQL. One stack per database kind per test JVM, stopped when the JVM exits.
 */
public final class VerifierStack implements Endpoints, AutoCloseable {

    public enum Database { H2, POSTGRES }

    public enum Service {
        AUTHORIZE("authorize-service"), TOKEN("token-service"), REGISTRY("client-registry"), RESOURCE("resource-api");

        public final String module;

        Service(String module) {
            this.module = module;
        }

        public String module() {
            return module;
        }
    }

    private static final Map<Database, VerifierStack> STACKS = new EnumMap<>(Database.class);
    /** The settings of the services' own H2 URLs (their application.yml), after each process's own file. */
    public static final String H2_SETTINGS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64"
                    + ";DB_CLOSE_ON_EXIT=FALSE";

    private final Map<Service, ServiceProcess> processes;
    private volatile KafkaBroker broker;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    private final String adminClientId;
    private final String adminClientSecret;
    private DemoSeed.Demo demo;
    /** What {@link #startAnother} needs to start one more service process like the others. */
    private Database database;
    private Path root;
    private String version;
    private Path work;
    private Map<String, String> common;
    private Map<Service, Map<String, String>> own;

    private VerifierStack(Map<Service, ServiceProcess> processes, KafkaBroker broker, String adminClientId,
                          String adminClientSecret) {
        this.processes = processes;
        this.broker = broker;
        this.adminClientId = adminClientId;
        this.adminClientSecret = adminClientSecret;
    }

    /** The running stack on {@code database}, started on first use. */
    public static synchronized VerifierStack on(Database database) {
        return STACKS.computeIfAbsent(database, db -> {
            try {
                VerifierStack stack = start(db);
                if (db == Database.POSTGRES) {
                    SharedPostgres.closeBeforeServer(stack::stop);
                } else {
                    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "verifier-stack-" + db));
                }
                return stack;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * A stack of its own for a test that breaks things (restarts a service, stops the broker); the test closes it.
     */
    public static VerifierStack isolated(Database database, String name) throws IOException, InterruptedException {
        return start(database, name, Map.of());
    }

    /**
     * An isolated stack whose every service also gets {@code env} (log levels, a trace exporter, ...); the test
     * closes it.
     */
    public static VerifierStack isolated(Database database, String name, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(database, name, env);
    }

    /**
     * A stack of its own whose broker requires SASL/SCRAM and ACLs, each service connecting as its own principal
     * ({@link KafkaPrincipals}); the test closes it.
     */
    public static VerifierStack isolated(Database database, String name, KafkaPrincipals kafka)
            throws IOException, InterruptedException {
        return start(database, name, Map.of(), kafka);
    }

    private static VerifierStack start(Database database) throws IOException, InterruptedException {
        return start(database, database.name().toLowerCase(), Map.of());
    }

    private static VerifierStack start(Database database, String name, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(database, name, env, null);
    }

    private static VerifierStack start(Database database, String name, Map<String, String> env,
                                       KafkaPrincipals kafka) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("verifier.root", "../..")).toAbsolutePath().normalize();
        String version = System.getProperty("verifier.version", "0.1.0");
        Path work = root.resolve("infra/stack/target/stack-" + name);
        deleteTree(work); // a fresh stack: its secrets key is new, so old databases could not be read
        Files.createDirectories(work);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (Service s : Service.values()) {
            ports.put(s, distinctFreePort(taken));
        }
        String adminId = "e2e-admin";
        String adminSecret = randomBase64Url();
        Map<String, String> common = new HashMap<>();
        common.put("MICRONAUT_ENVIRONMENTS", "local");
        // each stack its own broker: two token-services in one consumer group would share each other's codes
        KafkaBroker broker = KafkaBroker.start("127.0.0.1", distinctFreePort(taken), work.resolve("kafka"),
                kafka == null ? null : kafka.security());
        if (kafka != null) {
            try {
                kafka.prepare(broker.bootstrapServers());
            } catch (java.util.concurrent.ExecutionException e) {
                broker.close();
                throw new IOException("could not create the topics and ACLs", e);
            }
        }
        common.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        common.put("VERIFIER_URLS_ISSUER", "http://localhost:" + ports.get(Service.AUTHORIZE));
        common.put("VERIFIER_URLS_TOKEN_SERVICE", "http://localhost:" + ports.get(Service.TOKEN));
        common.put("VERIFIER_URLS_REGISTRY", "http://localhost:" + ports.get(Service.REGISTRY));
        common.put("VERIFIER_URLS_RESOURCE_API", "http://localhost:" + ports.get(Service.RESOURCE));
        common.put("VERIFIER_SECRETS_KEY", "e2e:" + randomBase64Url());
        common.put("VERIFIER_KAFKA_TOPICS_PARTITIONS", "1");
        // the device grant's polling interval (RFC 8628): 1 s rather than 5 s, so device journeys wait little
        common.put("VERIFIER_DEVICE_INTERVAL", "1s");
        common.putAll(env);
        // least privilege: the bootstrap admin secret only for client-registry, authorize-service's own client for
        // client-registry (which seeds it) and authorize-service, the event keys only for authorize and token
        Map<String, String> authorizeClient = Map.of("VERIFIER_AUTHORIZE_CLIENT_ID", "e2e-authorize-service",
                "VERIFIER_AUTHORIZE_CLIENT_SECRET", randomBase64Url());
        Map<String, String> eventKeys = Map.of("VERIFIER_EVENT_KEYS", "e2e1:" + randomBase64Url());
        Map<Service, Map<String, String>> own = new EnumMap<>(Service.class);
        own.put(Service.REGISTRY, merge(Map.of("VERIFIER_ADMIN_CLIENT_ID", adminId,
                "VERIFIER_ADMIN_CLIENT_SECRET", adminSecret), authorizeClient));
        own.put(Service.TOKEN, eventKeys);
        own.put(Service.AUTHORIZE, merge(authorizeClient, eventKeys));
        own.put(Service.RESOURCE, new HashMap<>());
        if (kafka != null) {
            own.replaceAll((s, e) -> merge(e, kafka.env(s)));
        }

        Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
        VerifierStack stack = new VerifierStack(processes, broker, adminId, adminSecret);
        stack.database = database;
        stack.root = root;
        stack.version = version;
        stack.work = work;
        stack.common = common;
        stack.own = own;
        try {
            // the back end first, then the demo client and user through the admin APIs, then resource-api, which
            // serves the demo app for that client (infra/run-local.sh starts it with the others and hands it the id
            // through a file once seeded)
            for (Service s : List.of(Service.REGISTRY, Service.TOKEN, Service.AUTHORIZE)) {
                processes.put(s, startService(s, database, root, version, work, ports.get(s), common, own.get(s)));
            }
            for (Service s : List.of(Service.REGISTRY, Service.TOKEN, Service.AUTHORIZE)) {
                processes.get(s).awaitReady(Duration.ofSeconds(120));
            }
            stack.demo = DemoSeed.seed(stack, ports.get(Service.RESOURCE));
            processes.put(Service.RESOURCE, startService(Service.RESOURCE, database, root, version, work,
                    ports.get(Service.RESOURCE), common, merge(own.get(Service.RESOURCE),
                            Map.of("VERIFIER_DEMO_CLIENT_ID", stack.demo.clientId()))));
            processes.get(Service.RESOURCE).awaitReady(Duration.ofSeconds(120));
        } catch (RuntimeException | IOException | InterruptedException e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    /** A free port not among {@code taken} (a port freed a moment ago may be handed out twice), then taken. */
    private static int distinctFreePort(java.util.Set<Integer> taken) throws IOException {
        int port = KafkaBroker.freePort();
        while (!taken.add(port)) {
            port = KafkaBroker.freePort();
        }
        return port;
    }

    private static ServiceProcess startService(Service s, Database database, Path root, String version, Path work,
                                               int port, Map<String, String> common, Map<String, String> extra)
            throws IOException {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(datasource(database, s, work));
        env.putAll(extra);
        Path jar = root.resolve(s.module + "/target/" + s.module + "-" + version + ".jar");
        return ServiceProcess.start(s.module, jar, port, env, work.resolve("logs"));
    }

    private static Map<String, String> datasource(Database database, Service service, Path work) {
        String name = service.module.replace('-', '_');
        return switch (database) {
            case H2 -> Map.of(
                    "DATASOURCES_DEFAULT_URL", "jdbc:h2:file:" + work.resolve("data/" + service.module + "/db")
                            + H2_SETTINGS);
            case POSTGRES -> Map.of(
                    "DATASOURCES_DEFAULT_URL", SharedPostgres.jdbcUrl("e2e_" + name),
                    "DATASOURCES_DEFAULT_USERNAME", "postgres",
                    "DATASOURCES_DEFAULT_PASSWORD", "postgres");
        };
    }

    /**
     * Starts one more process of {@code service} next to the stack's (for example a second resource-api with another
     * identifier), named {@code name} (its log {@code <name>.log}), on {@code port}, with the stack's configuration,
     * its own H2 database, and {@code env} on top. The caller stops it.
     */
    public ServiceProcess startAnother(Service service, String name, int port, Map<String, String> env)
            throws IOException, InterruptedException {
        Map<String, String> extra = new HashMap<>(own.get(service));
        if (database == Database.H2) {
            extra.put("DATASOURCES_DEFAULT_URL", "jdbc:h2:file:" + work.resolve("data/" + name + "/db")
                    + H2_SETTINGS);
        }
        extra.putAll(env);
        Map<String, String> all = new HashMap<>(common);
        all.putAll(datasource(database, service, work));
        all.putAll(extra);
        Path jar = root.resolve(service.module + "/target/" + service.module + "-" + version + ".jar");
        ServiceProcess process = ServiceProcess.start(name, jar, port, all, work.resolve("logs"));
        try {
            process.awaitReady(Duration.ofSeconds(120));
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.close();
            throw e;
        }
        return process;
    }

    /** A free port for a process started with {@link #startAnother}. */
    public static int freePort() throws IOException {
        return KafkaBroker.freePort();
    }

    /** The folder of the services' log files ({@code <service>.log}). */
    public Path logDir() {
        return processes.get(Service.AUTHORIZE).log().getParent();
    }

    @Override
    public URI url(Service service) {
        return processes.get(service).url();
    }

    /** The issuer: authorize-service's URL. */
    public URI issuer() {
        return url(Service.AUTHORIZE);
    }

    public ServiceProcess process(Service service) {
        return processes.get(service);
    }

    /** Restarts one service (same port, database and configuration) and waits until it is ready again. */
    public void restart(Service service) throws IOException, InterruptedException {
        ServiceProcess restarted = processes.get(service).restart();
        processes.put(service, restarted);
        restarted.awaitReady(Duration.ofSeconds(120));
    }

    /** The bootstrap servers of this stack's broker. */
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Stops this stack's Kafka broker, as if the services lost their connection to the cluster. */
    public void stopBroker() {
        broker.close();
    }

    /** Starts the stopped broker again on its port with its data, as when the cluster comes back. */
    public void restartBroker() throws IOException {
        KafkaBroker stopped = broker;
        broker = KafkaBroker.start("127.0.0.1", stopped.port(), stopped.dataDir());
    }

    @Override
    public String adminClientId() {
        return adminClientId;
    }

    @Override
    public String adminClientSecret() {
        return adminClientSecret;
    }

    /** The demo SPA's public client and the demo user, seeded at start. */
    public DemoSeed.Demo demo() {
        return demo;
    }

    @Override
    public void close() {
        stop();
    }

    /** Sends every service SIGTERM at once, then waits for each (a stuck one is killed after its grace time). */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        List<ServiceProcess> running = new ArrayList<>(processes.values());
        running.forEach(ServiceProcess::terminate);
        running.forEach(ServiceProcess::close);
        broker.close();
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
