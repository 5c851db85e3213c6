package dev.skulk.diagnostics.collectors.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Runs a platform tool and returns what it wrote to standard output. Collectors take one in a
 * package-private constructor so that tests can feed them recorded output. Not a stable API.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CommandRunner {

  /**
   * Runs {@code command} and returns its standard output, one string per line. Standard error is
   * discarded.
   *
   * @param command the executable and its arguments (no shell)
   * @param timeout how long the tool may run; it is killed when this passes
   * @param stopAfter a line that satisfies it ends the run early: it is the last line returned and
   *     the tool is killed (for tools that stream, such as {@code mactop --headless})
   * @return the lines read
   * @throws IOException when the tool cannot be started, or exits with a non-zero status
   * @throws CommandTimeoutException when the timeout passed first
   * @throws InterruptedException when the calling thread was interrupted
   */
  List<String> run(List<String> command, Duration timeout, Predicate<String> stopAfter)
      throws IOException, InterruptedException;

  /** {@link #run(List, Duration, Predicate)} reading all the output. */
  default List<String> run(List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    return run(command, timeout, line -> false);
  }

  /** The runner that starts real processes. */
  static CommandRunner system() {
    return SystemCommandRunner.INSTANCE;
  }

  /**
   * The first executable file named {@code executable} in the directories of {@code pathVariable}
   * (a {@code PATH} value), or null. Cheap: a few {@code stat} calls, no process.
   */
  static @Nullable Path findOnPath(String executable, @Nullable String pathVariable) {
    if (pathVariable == null || pathVariable.isEmpty()) {
      return null;
    }
    for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      try {
        Path candidate = Path.of(dir, executable);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      } catch (RuntimeException e) {
        // an unusable PATH entry: skip it
      }
    }
    return null;
  }

  /** Thrown when a tool ran past its timeout; it has been killed. */
  final class CommandTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A timeout of {@code command} after {@code timeout}. */
    public CommandTimeoutException(List<String> command, Duration timeout) {
      super(command.get(0) + " timed out after " + timeout.toMillis() + " ms");
    }
  }
}
