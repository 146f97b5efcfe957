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
import dev.verifier.testsupport.SharedKafka;
import dev.verifier.testsupport.SharedPostgres;

/**
 * The whole of Verifier as it runs for real: the four services from their packaged jars, each in its own JVM on a
 * free port, real HTTP between them, the shared real Kafka broker, and per service either an H2 file database or a
 * database on a real PostgreSQL. One stack per database kind per test JVM, stopped when the JVM exits.
 */
public final class VerifierStack {

    public enum Database { H2, POSTGRES }

    public enum Service {
        AUTHORIZE("authorize-service"), TOKEN("token-service"), REGISTRY("client-registry"), RESOURCE("resource-api");

        final String module;

        Service(String module) {
            this.module = module;
        }
    }

    private static final Map<Database, VerifierStack> STACKS = new EnumMap<>(Database.class);

    private final Map<Service, ServiceProcess> processes;
    private final String adminClientId;
    private final String adminClientSecret;

    private VerifierStack(Map<Service, ServiceProcess> processes, String adminClientId, String adminClientSecret) {
        this.processes = processes;
        this.adminClientId = adminClientId;
        this.adminClientSecret = adminClientSecret;
    }

    /** The running stack on {@code database}, started on first use. */
    public static synchronized VerifierStack on(Database database) {
        return STACKS.computeIfAbsent(database, db -> {
            try {
                VerifierStack stack = start(db);
                SharedKafka.closeBeforeBroker(stack::stop);
                return stack;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static VerifierStack start(Database database) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("verifier.root", "../..")).toAbsolutePath().normalize();
        String version = System.getProperty("verifier.version", "0.1.0");
        Path work = root.resolve("infra/stack/target/stack-" + database.name().toLowerCase());
        deleteTree(work); // a fresh stack: its secrets key is new, so old databases could not be read
        Files.createDirectories(work);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, KafkaBroker.freePort());
        }
        String adminId = "e2e-admin";
        String adminSecret = randomBase64Url();
        Map<String, String> common = new HashMap<>();
        common.put("MICRONAUT_ENVIRONMENTS", "local");
        common.put("KAFKA_BOOTSTRAP_SERVERS", SharedKafka.bootstrapServers());
        common.put("VERIFIER_URLS_ISSUER", "http://localhost:" + ports.get(Service.AUTHORIZE));
        common.put("VERIFIER_URLS_TOKEN_SERVICE", "http://localhost:" + ports.get(Service.TOKEN));
        common.put("VERIFIER_URLS_REGISTRY", "http://localhost:" + ports.get(Service.REGISTRY));
        common.put("VERIFIER_URLS_RESOURCE_API", "http://localhost:" + ports.get(Service.RESOURCE));
        common.put("VERIFIER_SECRETS_KEY", "e2e:" + randomBase64Url());
        common.put("VERIFIER_ADMIN_CLIENT_ID", adminId);
        common.put("VERIFIER_ADMIN_CLIENT_SECRET", adminSecret);
        common.put("VERIFIER_KAFKA_TOPICS_PARTITIONS", "1");

        Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (Service s : Service.values()) {
                Map<String, String> env = new HashMap<>(common);
                env.putAll(datasource(database, s, work));
                Path jar = root.resolve(s.module + "/target/" + s.module + "-" + version + ".jar");
                ServiceProcess p = ServiceProcess.start(s.module, jar, ports.get(s), env, work.resolve("logs"));
                processes.put(s, p);
                started.add(p);
            }
            for (ServiceProcess p : started) {
                p.awaitReady(Duration.ofSeconds(120));
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
        return new VerifierStack(processes, adminId, adminSecret);
    }

    private static Map<String, String> datasource(Database database, Service service, Path work) {
        String name = service.module.replace('-', '_');
        return switch (database) {
            case H2 -> Map.of(
                    "DATASOURCES_DEFAULT_URL", "jdbc:h2:file:" + work.resolve("data/" + service.module + "/db")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            case POSTGRES -> Map.of(
                    "DATASOURCES_DEFAULT_URL", SharedPostgres.jdbcUrl("e2e_" + name),
                    "DATASOURCES_DEFAULT_USERNAME", "postgres",
                    "DATASOURCES_DEFAULT_PASSWORD", "postgres");
        };
    }

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

    public String adminClientId() {
        return adminClientId;
    }

    public String adminClientSecret() {
        return adminClientSecret;
    }

    /** Sends every service SIGTERM at once, then waits for each (a stuck one is killed after its grace time). */
    public void stop() {
        processes.values().forEach(ServiceProcess::terminate);
        processes.values().forEach(ServiceProcess::close);
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
