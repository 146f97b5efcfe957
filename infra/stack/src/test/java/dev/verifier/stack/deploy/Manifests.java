package dev.verifier.stack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every Kubernetes document under {@code infra/deploy/kubernetes}, parsed, with look-ups by kind and name. */
record Manifests(List<Document> documents) {

    /** One YAML document and the file it came from. */
    record Document(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    static Manifests load(Path folder) {
        ObjectMapper yaml = yamlMapper();
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (it.hasNext()) {
                        JsonNode node = it.next();
                        if (node != null && !node.isMissingNode() && !node.isEmpty()) {
                            documents.add(new Document(folder.relativize(file), node));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(List.copyOf(documents));
    }

    /**
     * Jackson's YAML mapper, looked up by name so that this class compiles whether or not
     * {@code jackson-dataformat-yaml} (test scope) is on the class path; without it the tests fail with this message.
     */
    static ObjectMapper yamlMapper() {
        try {
            return (ObjectMapper) Class.forName("com.fasterxml.jackson.dataformat.yaml.YAMLMapper")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("infra/stack needs the test dependency "
                    + "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml to read the manifests", e);
        }
    }

    List<Document> ofKind(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    Optional<Document> find(String kind, String name) {
        return documents.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst();
    }

    Document get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    JsonNode container(String service) {
        JsonNode containers = get("Deployment", service).node().path("spec").path("template").path("spec")
                .path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(service + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /** Every environment variable name a service's container gets: its env entries and its ConfigMaps' keys. */
    Set<String> environment(String service) {
        JsonNode c = container(service);
        Set<String> names = new TreeSet<>();
        c.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : c.path("envFrom")) {
            get("ConfigMap", from.path("configMapRef").path("name").asText()).node().path("data")
                    .fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    List<JsonNode> ingressPaths() {
        List<JsonNode> paths = new ArrayList<>();
        for (Document ingress : ofKind("Ingress")) {
            for (JsonNode rule : ingress.node().path("spec").path("rules")) {
                rule.path("http").path("paths").forEach(paths::add);
            }
        }
        if (paths.isEmpty()) {
            throw new AssertionError("no Ingress paths");
        }
        return paths;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
