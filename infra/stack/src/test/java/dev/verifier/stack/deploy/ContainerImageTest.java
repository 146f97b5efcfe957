package dev.verifier.stack.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The image definitions (Jib script and Dockerfile) agree with the Deployments that run them. */
class ContainerImageTest {

    private static final List<String> SERVICES = KubernetesManifestsTest.SERVICES;

    private final Path root = Path.of(System.getProperty("verifier.root", "../..")).toAbsolutePath().normalize();
    private final Manifests manifests = Manifests.load(root.resolve("infra/deploy/kubernetes"));

    @Test
    void theImagesRunAsTheUserThePodsRunAsAndHaveTheNamesTheyUse() throws IOException {
        String jib = Files.readString(root.resolve("infra/deploy/image/build-images.sh"));
        String dockerfile = Files.readString(root.resolve("infra/deploy/image/Dockerfile"));
        assertTrue(dockerfile.contains("COPY ${SERVICE}/target/${SERVICE}-${VERSION}.jar"), "copies the shaded jar");
        for (String s : SERVICES) {
            int uid = manifests.get("Deployment", s).node().path("spec").path("template").path("spec")
                    .path("securityContext").path("runAsUser").asInt();
            assertTrue(jib.contains("-Djib.container.user=" + uid + ":" + uid), "Jib image user is runAsUser " + uid);
            assertTrue(dockerfile.contains("\nUSER " + uid + ":" + uid), "Dockerfile user is runAsUser " + uid);
            String image = manifests.container(s).path("image").asText();
            assertEquals(image, value(jib, "IMAGE_PREFIX") + "/" + s + ":" + value(jib, "IMAGE_TAG"), s);
            assertTrue(image.endsWith(":" + value(dockerfile, "VERSION")), s);
        }
        assertFalse(Stream.of(dockerfile.split("\n")).anyMatch(l -> l.startsWith("HEALTHCHECK")), "probes are Kubernetes' job");
    }

    /** The default of {@code NAME} in the script ({@code ${NAME:-value}}) or the Dockerfile ({@code ARG NAME=value}). */
    private static String value(String text, String name) {
        Matcher m = Pattern.compile("\\$\\{" + name + ":-([^}]+)}|ARG " + name + "=(\\S+)").matcher(text);
        assertTrue(m.find(), name);
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
