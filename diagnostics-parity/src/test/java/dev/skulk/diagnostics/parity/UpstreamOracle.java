package dev.skulk.diagnostics.parity;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Upstream Python Skulk 1.3.0 as a test oracle: one {@code python3} process running
 * {@code src/test/python/oracle_main.py} for one area ({@code oracle_<area>.py}), which imports
 * upstream's own, unmodified files from {@code ../shared/upstream} and answers one result line per
 * case line.
 *
 * <p>Where {@code python3} with pydantic 2 or the upstream folder is missing, {@link #start} skips
 * the calling test (JUnit assumption), so the suite stays green on a machine without them; the
 * README says where the differential tests ran. Not thread-safe: one test thread per oracle.
 */
final class UpstreamOracle implements AutoCloseable {

  private static volatile Boolean available;

  private final Process process;
  private final BufferedWriter toPython;
  private final BufferedReader fromPython;
  private final Path stderr;
  private final String area;

  private UpstreamOracle(String area, Process process, Path stderr) {
    this.area = area;
    this.process = process;
    this.stderr = stderr;
    this.toPython = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.fromPython = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Upstream's sources ({@code .../skulk-1.3.0/src}), from the build's {@code skulk.upstream.src}. */
  static Path upstreamSource() {
    return Path.of(System.getProperty("skulk.upstream.src", "../../shared/upstream/skulk-1.3.0/src"))
        .toAbsolutePath().normalize();
  }

  private static Path scripts() {
    return Path.of(System.getProperty("skulk.oracle.python", "src/test/python")).toAbsolutePath().normalize();
  }

  /**
   * Starts the oracle for {@code area}, or skips the calling test when upstream or Python is not
   * here.
   */
  static UpstreamOracle start(String area) {
    Assumptions.assumeTrue(isAvailable(),
        () -> "upstream oracle not available: needs python3 with pydantic 2 and " + upstreamSource());
    try {
      Path stderr = Files.createTempFile("skulk-oracle-" + area, ".log");
      Process process = new ProcessBuilder("python3", "-X", "utf8",
              scripts().resolve("oracle_main.py").toString(), upstreamSource().toString(), area)
          .redirectError(stderr.toFile())
          .start();
      return new UpstreamOracle(area, process, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the upstream oracle for " + area, e);
    }
  }

  static boolean isAvailable() {
    Boolean known = available;
    if (known == null) {
      known = Files.isDirectory(upstreamSource().resolve("skulk")) && pydanticInstalled();
      available = known;
    }
    return known;
  }

  private static boolean pydanticInstalled() {
    try {
      Process probe = new ProcessBuilder("python3", "-c",
              "import pydantic, sys; sys.exit(0 if pydantic.VERSION >= '2' else 1)")
          .redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs one case (one line of JSON, no raw newlines) and returns upstream's result text.
   *
   * @throws AssertionError when upstream raised: the message carries its traceback
   */
  String call(String caseJson) {
    if (caseJson.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a case is one line of JSON");
    }
    try {
      toPython.write(caseJson);
      toPython.write('\n');
      toPython.flush();
      String line = fromPython.readLine();
      if (line == null) {
        throw new AssertionError("upstream oracle '" + area + "' exited: " + Files.readString(stderr));
      }
      if (line.startsWith("OK ")) {
        return line.substring(3);
      }
      throw new AssertionError("upstream raised for case " + caseJson + ":\n" + line.substring(4));
    } catch (IOException e) {
      throw new UncheckedIOException("upstream oracle '" + area + "' failed", e);
    }
  }

  /** {@link #call} for each case, in order. */
  List<String> callAll(List<String> casesJson) {
    List<String> results = new ArrayList<>(casesJson.size());
    for (String c : casesJson) {
      results.add(call(c));
    }
    return results;
  }

  @Override
  public void close() throws IOException {
    try {
      toPython.close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      Files.deleteIfExists(stderr);
    }
  }
}
