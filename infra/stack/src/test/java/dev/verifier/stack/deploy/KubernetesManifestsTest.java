package dev.verifier.stack.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under {@code infra/deploy/kubernetes} agree with the services' own configuration: ports, probes,
 * environment names, Secret and ConfigMap keys, routes, Kafka replication and the pod security settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    static final List<String> SERVICES = List.of("authorize-service", "token-service", "client-registry", "resource-api");

    private final Path root = Path.of(System.getProperty("verifier.root", "../..")).toAbsolutePath().normalize();
    private final Path folder = root.resolve("infra/deploy/kubernetes");
    private Manifests manifests;
    private Manifests secretTemplate;
    private Map<String, ServiceConfiguration> configs;

    @BeforeAll
    void read() {
        manifests = Manifests.load(folder);
        secretTemplate = new Manifests(manifests.ofKind("Secret"));
        configs = SERVICES.stream().collect(Collectors.toMap(Function.identity(), s -> ServiceConfiguration.read(root, s)));
    }

    @Test
    void everyServiceHasADeploymentServiceDisruptionBudgetAndAutoscalerTargetingIt() {
        for (String s : SERVICES) {
            JsonNode deployment = manifests.get("Deployment", s).node();
            assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, s + " runs at least two copies");
            String selector = deployment.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText();
            assertEquals(s, deployment.path("spec").path("template").path("metadata").path("labels")
                    .path("app.kubernetes.io/name").asText(), s + " pod labels match the selector");
            assertEquals(selector, manifests.get("Service", s).node().path("spec").path("selector")
                    .path("app.kubernetes.io/name").asText());
            assertEquals(selector, manifests.get("PodDisruptionBudget", s).node().path("spec").path("selector")
                    .path("matchLabels").path("app.kubernetes.io/name").asText());
            JsonNode hpa = manifests.get("HorizontalPodAutoscaler", s).node().path("spec");
            assertEquals(s, hpa.path("scaleTargetRef").path("name").asText());
            assertTrue(hpa.path("minReplicas").asInt() >= 2 && hpa.path("maxReplicas").asInt() > hpa.path("minReplicas").asInt());
        }
    }

    @Test
    void containerPortIsThePortTheServiceIsConfiguredWith() {
        for (String s : SERVICES) {
            int configured = configs.get(s).port();
            assertTrue(configured > 0, s + " has micronaut.server.port in application.yml");
            assertEquals(configured, manifests.container(s).path("ports").get(0).path("containerPort").asInt(), s);
            assertFalse(manifests.environment(s).contains("MICRONAUT_SERVER_PORT"), s + ": the port is not overridden");
        }
    }

    @Test
    void probesHitTheHealthEndpointsOnTheServicePort() {
        for (String s : SERVICES) {
            JsonNode c = manifests.container(s);
            assertProbe(s, c.path("readinessProbe"), "/health/readiness");
            assertProbe(s, c.path("livenessProbe"), "/health/liveness");
            if (c.has("startupProbe")) {
                assertProbe(s, c.path("startupProbe"), "/health/liveness");
            }
        }
    }

    @Test
    void servicesAndIngressBackendsReachTheContainerPort() {
        for (String s : SERVICES) {
            JsonNode port = manifests.get("Service", s).node().path("spec").path("ports").get(0);
            assertEquals(configs.get(s).port(), resolvePort(s, port.path("targetPort")), s + " Service targetPort");
            assertEquals(configs.get(s).port(), port.path("port").asInt(), s + " Service port");
        }
        for (JsonNode backend : manifests.ingressPaths().stream().map(p -> p.path("backend").path("service")).toList()) {
            String s = backend.path("name").asText();
            JsonNode port = manifests.get("Service", s).node().path("spec").path("ports").get(0);
            JsonNode wanted = backend.path("port");
            assertTrue(wanted.has("name") ? wanted.path("name").asText().equals(port.path("name").asText())
                    : wanted.path("number").asInt() == port.path("port").asInt(), "Ingress backend port of " + s);
        }
    }

    @Test
    void ingressSendsEachPublicPathToTheServiceThatAnswersIt() {
        Map<String, Routes> routes = SERVICES.stream().collect(Collectors.toMap(Function.identity(), s -> Routes.read(root, s)));
        List<String> paths = new ArrayList<>();
        for (JsonNode p : manifests.ingressPaths()) {
            String path = p.path("path").asText();
            boolean prefix = p.path("pathType").asText().equals("Prefix");
            Set<String> answering = SERVICES.stream().filter(s -> routes.get(s).serves(path, prefix))
                    .collect(Collectors.toSet());
            assertEquals(Set.of(p.path("backend").path("service").path("name").asText()), answering, path);
            paths.add(path);
        }
        assertTrue(paths.containsAll(List.of("/.well-known/openid-configuration", "/authorize", "/login", "/consent",
                "/userinfo", "/par", "/token", "/jwks", "/introspect", "/revoke", "/api")), paths.toString());
        assertFalse(paths.stream().anyMatch(p -> p.startsWith("/admin") || p.startsWith("/clients")
                || p.startsWith("/health") || p.equals("/prometheus")), "admin APIs and health stay internal: " + paths);
    }

    @Test
    void everyEnvironmentNameIsOneTheServiceReads() {
        for (String s : SERVICES) {
            Set<String> unknown = new TreeSet<>();
            for (String name : manifests.environment(s)) {
                if (!configs.get(s).understands(name)) {
                    unknown.add(name);
                }
            }
            assertEquals(Set.of(), unknown, s + " is given environment variables it does not read");
        }
    }

    @Test
    void theEnvironmentNameCheckRefusesANameNoServiceReads() {
        ServiceConfiguration token = configs.get("token-service");
        assertTrue(token.understands("VERIFIER_URLS_TOKEN_SERVICE"));
        assertTrue(token.understands("VERIFIER_KEYS_ROTATION_PERIOD"));
        assertFalse(token.understands("VERIFIER_URLS_TOKENSERVICE"));
        assertFalse(token.understands("VERIFIER_LOGIN_CLIENT_ADDRESS_HEADER"), "an authorize-service property");
    }

    @Test
    void referencedSecretAndConfigMapKeysExist() {
        for (String s : SERVICES) {
            JsonNode c = manifests.container(s);
            for (JsonNode env : c.path("env")) {
                JsonNode secret = env.path("valueFrom").path("secretKeyRef");
                if (!secret.isMissingNode()) {
                    JsonNode data = secretTemplate.get("Secret", secret.path("name").asText()).node().path("stringData");
                    assertTrue(data.has(secret.path("key").asText()), s + " needs " + secret);
                }
            }
            for (JsonNode from : c.path("envFrom")) {
                assertTrue(from.has("configMapRef"), s + ": only ConfigMaps are read whole, secrets key by key");
                manifests.get("ConfigMap", from.path("configMapRef").path("name").asText());
            }
        }
        assertEquals(Set.of(), secretTemplate.documents().stream().map(d -> d.file().toString())
                .filter(f -> !f.equals("secret.template.yaml")).collect(Collectors.toSet()), "Secrets only in the template");
    }

    /**
     * Least privilege: the bootstrap admin secret only for client-registry, the event keys only for the two services
     * of the code flow, authorize-service its own client; the template's client secrets are placeholders that
     * client-registry refuses at start-up, so a template applied by mistake cannot run.
     */
    @Test
    void secretsGoOnlyToTheServicesThatNeedThemAndTemplateSecretsAreRefusedPlaceholders() {
        Map<String, Set<String>> readers = new java.util.HashMap<>();
        for (String s : SERVICES) {
            for (JsonNode env : manifests.container(s).path("env")) {
                readers.computeIfAbsent(env.path("name").asText(), n -> new java.util.TreeSet<>()).add(s);
            }
        }
        assertEquals(Set.of("client-registry"), readers.get("VERIFIER_ADMIN_CLIENT_SECRET"));
        assertEquals(Set.of("authorize-service", "client-registry"), readers.get("VERIFIER_AUTHORIZE_CLIENT_SECRET"));
        assertEquals(Set.of("authorize-service", "token-service"), readers.get("VERIFIER_EVENT_KEYS"));
        for (String name : List.of("verifier-secrets", "authorize-service-client")) {
            JsonNode data = secretTemplate.get("Secret", name).node().path("stringData");
            data.fieldNames().forEachRemaining(key -> {
                if (key.endsWith("_CLIENT_SECRET")) {
                    assertTrue(data.path(key).asText().startsWith("CHANGE-ME"), key + " is a refused placeholder");
                }
            });
        }
    }

    @Test
    void kafkaTopicsAreReplicatedThreeTimesAndLogsAreJson() {
        JsonNode common = manifests.get("ConfigMap", "verifier-config").node().path("data");
        assertEquals("3", common.path("VERIFIER_KAFKA_TOPICS_REPLICATION_FACTOR").asText());
        assertTrue(common.path("KAFKA_BOOTSTRAP_SERVERS").asText().split(",").length >= 3);
        assertEquals("json", common.path("VERIFIER_LOG_FORMAT").asText());
        for (String s : SERVICES) {
            assertTrue(manifests.environment(s).contains("VERIFIER_KAFKA_TOPICS_REPLICATION_FACTOR"), s);
            assertTrue(manifests.get("ConfigMap", s + "-config").node().path("data").path("DATASOURCES_DEFAULT_URL")
                    .asText().startsWith("jdbc:postgresql://"), s + " runs on PostgreSQL");
        }
    }

    @Test
    void podsRunAsNonRootWithReadOnlyRootAndAWritableTmp() {
        for (String s : SERVICES) {
            JsonNode pod = manifests.get("Deployment", s).node().path("spec").path("template").path("spec");
            JsonNode c = manifests.container(s);
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), s);
            assertTrue(pod.path("securityContext").path("runAsUser").asInt() > 0, s);
            assertTrue(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean(), s);
            assertFalse(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true), s);
            JsonNode tmp = Manifests.stream(c.path("volumeMounts")).filter(m -> m.path("mountPath").asText().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(s + " mounts /tmp"));
            assertTrue(Manifests.stream(pod.path("volumes")).anyMatch(v -> v.path("name").equals(tmp.path("name"))
                    && v.has("emptyDir")), s + ": /tmp is an emptyDir");
            for (String r : List.of("cpu", "memory")) {
                assertTrue(c.path("resources").path("requests").has(r), s + " requests " + r);
            }
            assertTrue(c.path("resources").path("limits").has("memory"), s + " has a memory limit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"namespace.yaml", "config.yaml", "ingress.yaml", "authorize-service.yaml",
            "token-service.yaml", "client-registry.yaml", "resource-api.yaml"})
    void kustomizationListsEveryManifestButTheSecretTemplate(String file) {
        JsonNode resources = kustomization().path("resources");
        assertTrue(Manifests.stream(resources).anyMatch(r -> r.asText().equals(file)), file);
        assertFalse(Manifests.stream(resources).anyMatch(r -> r.asText().equals("secret.template.yaml")));
    }

    private JsonNode kustomization() {
        try {
            return Manifests.yamlMapper().readTree(folder.resolve("kustomization.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertProbe(String service, JsonNode probe, String path) {
        assertEquals(path, probe.path("httpGet").path("path").asText(), service);
        assertEquals(configs.get(service).port(), resolvePort(service, probe.path("httpGet").path("port")), service);
    }

    /** A port given by number or by the container port's name. */
    private int resolvePort(String service, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return Manifests.stream(manifests.container(service).path("ports")).filter(p -> p.path("name").asText().equals(port.asText()))
                .findFirst().orElseThrow(() -> new AssertionError(service + " has no port named " + port))
                .path("containerPort").asInt();
    }
}
