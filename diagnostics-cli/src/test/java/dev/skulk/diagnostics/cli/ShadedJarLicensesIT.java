package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code skulk-diag.jar} carries the license of every third-party library it bundles,
 * each under {@code META-INF/licenses/<artifact>/} (or {@code <artifact>-jar/}, as the dependency
 * plugin names the folders it unpacks), and our own Apache-2.0 LICENSE at
 * {@code META-INF/LICENSE}. What is bundled is read from the jar's classes, not from the POM, so
 * a new dependency without a license folder fails here.
 */
class ShadedJarLicensesIT {

  /** Class-package prefix in the jar → the license folder the artifact must have. */
  private static final Map<String, String> BUNDLED = new TreeMap<>(Map.of(
      "com/sun/jna/platform/", "jna-platform-jpms",
      "com/sun/jna/", "jna-jpms",
      "oshi/", "oshi-core",
      "picocli/", "picocli",
      "tools/jackson/core/", "jackson-core",
      "tools/jackson/databind/", "jackson-databind",
      "com/fasterxml/jackson/annotation/", "jackson-annotations",
      "org/slf4j/simple/", "slf4j-simple",
      "org/slf4j/", "slf4j-api",
      "org/jspecify/annotations/", "jspecify"));

  @Test
  void everyBundledLibraryHasItsLicense() throws IOException {
    Path jar = Path.of("target", "skulk-diag.jar");
    assertThat(jar).exists();
    try (JarFile file = new JarFile(jar.toFile())) {
      var names = file.stream().map(e -> e.getName()).collect(Collectors.toCollection(TreeSet::new));
      var thirdPartyClasses = names.stream()
          .filter(n -> n.endsWith(".class") && !n.startsWith("dev/skulk/") && !n.startsWith("META-INF/"))
          .map(n -> n.substring(0, n.lastIndexOf('/') + 1))
          .collect(Collectors.toCollection(TreeSet::new));
      for (String pkg : thirdPartyClasses) {
        String artifact = BUNDLED.entrySet().stream()
            .filter(e -> pkg.startsWith(e.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("bundled package " + pkg + " has no known license folder"));
        assertThat(names).as("license of %s (package %s)", artifact, pkg)
            .anyMatch(n -> (n.startsWith("META-INF/licenses/" + artifact + "/")
                    || n.startsWith("META-INF/licenses/" + artifact + "-jar/"))
                && n.contains("LICENSE"));
      }
      assertThat(new String(file.getInputStream(file.getEntry("META-INF/LICENSE")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8))
          .as("our own license at META-INF/LICENSE")
          .contains("Apache License")
          .contains("Version 2.0");
    }
  }
}
