package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with a real pydantic peer. Bundles Java writes are handed to pydantic models of the wire
 * contract configured as Python Skulk configures its own ({@code extra="forbid", strict=True},
 * camelCase aliases); each must validate, and pydantic's own serialization of it must be the very
 * bytes Java wrote. Skipped where {@code python3} with pydantic 2 is not installed. The samples
 * come from a fixed seed, so a failure reproduces.
 */
class PythonPeerInteropIT {

  private static final int SAMPLES = 120;
  private static final long SEED = 20261127L;

  private static Path workDir;
  private static @org.jspecify.annotations.Nullable Path script;

  private final DiagnosticsJson json = DiagnosticsJson.strict();

  @BeforeAll
  static void findPython() throws Exception {
    if (!Pydantic.isInstalled()) {
      return;
    }
    workDir = Files.createTempDirectory("skulk-wire");
    script = workDir.resolve("skulk_wire.py");
    try (InputStream in = PythonPeerInteropIT.class.getResourceAsStream("/python/skulk_wire.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @AfterAll
  static void removeScript() throws IOException {
    if (script != null) {
      try (var files = Files.list(workDir)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(workDir);
    }
  }

  @Test
  void nodeBundlesPassPydanticAndSerializeIdentically() throws Exception {
    List<NodeDiagnostics> bundles = samples(DiagnosticsGenerators::nodeDiagnostics);
    bundles.add(SampleBundles.nodeWithTwoRunnersMidDecode());
    assertPydanticAgrees("NodeDiagnostics", bundles);
  }

  @Test
  void clusterBundlesPassPydanticAndSerializeIdentically() throws Exception {
    List<ClusterDiagnostics> bundles = samples(DiagnosticsGenerators::clusterDiagnostics);
    bundles.add(SampleBundles.twoNodeClusterWithFailedPeer());
    assertPydanticAgrees("ClusterDiagnostics", bundles);
  }

  @Test
  void timelinesPassPydanticAndSerializeIdentically() throws Exception {
    assertPydanticAgrees("ClusterTimeline", samples(DiagnosticsGenerators::clusterTimeline));
  }

  @Test
  void capturesPassPydanticAndSerializeIdentically() throws Exception {
    assertPydanticAgrees("DiagnosticCaptureResponse", samples(DiagnosticsGenerators::diagnosticCaptureResponse));
    assertPydanticAgrees("DiagnosticCaptureRequest", samples(DiagnosticsGenerators::diagnosticCaptureRequest));
  }

  @Test
  void runnerUpdatesPassPydanticAndSerializeIdentically() throws Exception {
    assertPydanticAgrees("RunnerDiagnosticUpdate", samples(DiagnosticsGenerators::runnerDiagnosticUpdate));
  }

  private static <T> List<T> samples(Function<RandomGenerator, T> generator) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<T> values = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      values.add(generator.apply(random));
    }
    return values;
  }

  private void assertPydanticAgrees(String pydanticType, List<?> values) throws Exception {
    Assumptions.assumeTrue(script != null, "python3 with pydantic 2 is not installed");
    List<String> written = values.stream().map(json::write).collect(Collectors.toList());
    Path errorFile = Files.createTempFile(workDir, "pydantic", ".err");
    Process python = new ProcessBuilder("python3", script.toString(), pydanticType)
        .redirectError(errorFile.toFile())
        .start();
    // A thread of its own drains pydantic's answers while this one writes: on 2 cores the common
    // pool may have a single worker, and a writer blocked on a full pipe would wait for it forever.
    CompletableFuture<List<String>> answers = new CompletableFuture<>();
    Thread drain = new Thread(() -> answers.complete(readLines(python.getInputStream())), "pydantic-answers");
    drain.setDaemon(true);
    drain.start();
    try (OutputStream stdin = python.getOutputStream()) {
      for (String line : written) {
        stdin.write(line.getBytes(StandardCharsets.UTF_8));
        stdin.write('\n');
      }
    }
    assertThat(python.waitFor(120, TimeUnit.SECONDS)).as("python finished").isTrue();
    assertThat(python.exitValue()).as("python exit; stderr: %s", Files.readString(errorFile)).isZero();
    List<String> lines = answers.get(10, TimeUnit.SECONDS);
    assertThat(lines).hasSameSizeAs(written);
    for (int i = 0; i < written.size(); i++) {
      assertThat(lines.get(i)).as("seed %d, sample %d: pydantic's reading of %s", SEED, i, written.get(i))
          .isEqualTo("ok " + written.get(i));
    }
  }

  private static List<String> readLines(InputStream in) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().collect(Collectors.toList());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
