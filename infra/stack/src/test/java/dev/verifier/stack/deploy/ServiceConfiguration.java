package dev.verifier.stack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one service can be configured with, read from its sources: the keys of its {@code application.yml}, the
 * properties of every {@code @ConfigurationProperties} record and {@code @Value} placeholder in the service and in
 * shared-model, and the environment variables read directly (placeholders in the YAML and the shared logback set-up).
 */
record ServiceConfiguration(String module, int port, Set<String> properties, Set<String> environmentNames) {

    /** Read by the JVM or by Micronaut itself, not through a property. */
    static final Set<String> FRAMEWORK_ENVIRONMENT = Set.of("JAVA_TOOL_OPTIONS", "MICRONAUT_ENVIRONMENTS");

    private static final Pattern CONFIG_PROPERTIES = Pattern.compile("@ConfigurationProperties\\(([^)]*)\\)");
    private static final Pattern PREFIX_CONSTANT = Pattern.compile("PREFIX\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern RECORD = Pattern.compile("record\\s+\\w+\\s*\\(");
    private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([a-z0-9.-]+)[}:]");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)(:-?|})");

    static ServiceConfiguration read(Path root, String module) {
        Path yml = root.resolve(module).resolve("src/main/resources/application.yml");
        JsonNode config = readYaml(yml);
        Set<String> properties = new TreeSet<>();
        flatten("", config, properties);
        Set<String> environment = new TreeSet<>(FRAMEWORK_ENVIRONMENT);
        environment.addAll(matches(ENV_PLACEHOLDER, read(yml)));
        environment.addAll(matches(ENV_PLACEHOLDER,
                read(root.resolve("shared-model/src/main/resources/verifier-logback.xml"))));
        for (Path source : javaSources(root, module)) {
            String text = read(source);
            properties.addAll(configurationProperties(text));
            properties.addAll(matches(VALUE, text));
        }
        return new ServiceConfiguration(module, config.path("micronaut").path("server").path("port").asInt(-1),
                Set.copyOf(properties), Set.copyOf(environment));
    }

    /** True when Micronaut would bind this environment variable to something the service reads. */
    boolean understands(String environmentName) {
        return environmentNames.contains(environmentName)
                || EnvironmentNames.candidateProperties(environmentName).stream().anyMatch(properties::contains);
    }

    private static List<Path> javaSources(Path root, String module) {
        try (Stream<Path> own = Files.walk(root.resolve(module).resolve("src/main/java"));
             Stream<Path> shared = Files.walk(root.resolve("shared-model/src/main/java"))) {
            return Stream.concat(own, shared).filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code prefix.component-name} for each component of a {@code @ConfigurationProperties} record. */
    private static Set<String> configurationProperties(String source) {
        Matcher annotation = CONFIG_PROPERTIES.matcher(source);
        Matcher record = RECORD.matcher(source);
        if (!annotation.find() || !record.find(annotation.end())) {
            return Set.of();
        }
        String argument = annotation.group(1).trim();
        Matcher constant = PREFIX_CONSTANT.matcher(source);
        String prefix = argument.startsWith("\"") ? argument.replace("\"", "")
                : constant.find() ? constant.group(1) : argument;
        String components = source.substring(record.end(), source.indexOf(") {", record.end()))
                .replaceAll("\"[^\"]*\"", "")
                .replaceAll("@\\w+(\\([^)]*\\))?", "")
                .replaceAll("<[^>]*>", "");
        Set<String> names = new TreeSet<>();
        for (String component : components.split(",")) {
            String[] words = component.trim().split("\\s+");
            names.add(prefix + "." + kebab(words[words.length - 1]));
        }
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static void flatten(String prefix, JsonNode node, Set<String> into) {
        if (!node.isObject()) {
            into.add(prefix);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
        }
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static JsonNode readYaml(Path file) {
        try {
            return Manifests.yamlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
