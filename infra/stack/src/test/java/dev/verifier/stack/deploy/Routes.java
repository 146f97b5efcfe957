package dev.verifier.stack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** The path roots a service answers: its {@code @Controller} paths and its static-resource mappings. */
record Routes(String module, Set<String> roots) {

    private static final Pattern CONTROLLER = Pattern.compile("@Controller\\(\"([^\"]+)\"\\)");

    static Routes read(Path root, String module) {
        Set<String> roots = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(root.resolve(module).resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONTROLLER.matcher(Files.readString(source));
                while (m.find()) {
                    roots.add(m.group(1));
                }
            }
            JsonNode yml = Manifests.yamlMapper()
                    .readTree(root.resolve(module).resolve("src/main/resources/application.yml").toFile());
            yml.path("micronaut").path("router").path("static-resources")
                    .forEach(r -> roots.add(r.path("mapping").asText().replace("/**", "")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Routes(module, Set.copyOf(roots));
    }

    /** True when a request to {@code path} (or, for a prefix route, below it) reaches one of this service's routes. */
    boolean serves(String path, boolean prefix) {
        return roots.stream().anyMatch(r -> r.equals(path) || path.startsWith(r + "/")
                || (prefix && r.startsWith(path + "/")));
    }
}
