package dev.skulk.diagnostics.cluster.internal;

import dev.skulk.diagnostics.cluster.CommandRunner;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.json.PythonFloats;
import dev.skulk.diagnostics.support.ExternalCommand;
import dev.skulk.diagnostics.time.Ticker;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link CommandRunner#system()}: finds the executable on the search path, then runs it through
 * the SDK's one process runner, {@link ExternalCommand} (stdout and stderr drained while waiting,
 * so a chatty tool can never block on a full pipe; the command and its descendants killed at the
 * timeout), and returns what it had written, cut as {@link OutputText} says. Not a stable API.
 *
 * <p>Thread-safe; each call costs a process and two pooled drain tasks.
 */
public final class ProcessCommandRunner implements CommandRunner {

  private final List<Path> searchPath;
  private final Ticker ticker;

  /** A runner that looks executables up on {@code searchPath}, timing with {@code ticker}. */
  public ProcessCommandRunner(List<Path> searchPath, Ticker ticker) {
    this.searchPath = List.copyOf(searchPath);
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** A runner using this process's {@code PATH}. */
  public static ProcessCommandRunner fromEnvironment() {
    String path = System.getenv("PATH");
    List<Path> dirs = new ArrayList<>();
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    return new ProcessCommandRunner(dirs, Ticker.system());
  }

  @Override
  public boolean isAvailable(String executable) {
    return resolve(executable) != null;
  }

  private @Nullable Path resolve(String executable) {
    if (executable.indexOf('/') >= 0 || executable.indexOf(File.separatorChar) >= 0) {
      Path path = Path.of(executable);
      return Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
    }
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(executable);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Override
  public DiagnosticProcessSample run(String name, List<String> command, Duration timeout) {
    List<String> argv = List.copyOf(command);
    if (argv.isEmpty()) {
      return failed(name, argv, 0.0, "Empty command");
    }
    Path executable = resolve(argv.get(0));
    if (executable == null) {
      return failed(name, argv, 0.0, argv.get(0) + " not found on PATH");
    }
    List<String> resolved = new ArrayList<>(argv);
    resolved.set(0, executable.toString());
    long start = ticker.read();
    ExternalCommand.Result result;
    try {
      result = ExternalCommand.builder(resolved)
          .timeout(timeout)
          .maxOutputBytes(OutputText.MAX_BYTES)
          .ticker(ticker::read)
          .run();
    } catch (IOException | RuntimeException e) {
      return failed(name, argv, seconds(ticker.read() - start), "Failed to start " + argv.get(0) + ": " + e.getMessage());
    }
    double elapsed = seconds(result.elapsed().toNanos());
    String out = OutputText.truncate(result.stdoutText(), result.stdoutTruncated());
    String err = OutputText.truncate(result.stderrText(), result.stderrTruncated());
    Integer exit = result.exitCode();
    if (exit == null) {
      String error =
          result.interrupted()
              ? "Interrupted after " + PythonFloats.pythonRepr(elapsed) + "s"
              : "Timed out after " + PythonFloats.pythonRepr(timeout.toNanos() / 1e9) + "s";
      return new DiagnosticProcessSample(name, argv, false, null, elapsed, out, err, error);
    }
    return new DiagnosticProcessSample(name, argv, exit == 0, exit, elapsed, out, err, null);
  }

  private static DiagnosticProcessSample failed(String name, List<String> argv, double seconds, String error) {
    return new DiagnosticProcessSample(name, argv, false, null, seconds, null, null, error);
  }

  private static double seconds(long nanos) {
    return Math.max(0, nanos) / 1e9;
  }
}
