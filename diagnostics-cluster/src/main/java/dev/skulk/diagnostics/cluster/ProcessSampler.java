package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.cluster.internal.LinuxProcessSampler;
import dev.skulk.diagnostics.cluster.internal.MacProcessSampler;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Takes the heavyweight samples of one runner process for a capture: stacks, memory maps, thread
 * dumps. {@link #forCurrentOs(CommandRunner)} picks the platform's set:
 *
 * <ul>
 *   <li>macOS, as Python Skulk: {@code sample <pid> <d>} (d = the duration rounded half-to-even, at
 *       least 1; timeout d+5 s), {@code vmmap -summary <pid>} (8 s), {@code footprint -p <pid>} (8
 *       s);
 *   <li>Linux: {@code /proc/<pid>/status}, then {@code wchan} and {@code stack} where readable, a
 *       {@code jcmd <pid> Thread.print} thread dump when the process is a JVM and {@code jcmd} is on
 *       {@code PATH}, and {@code py-spy dump --pid <pid>} when {@code py-spy} is on {@code PATH};
 *   <li>anything else: no samples.
 * </ul>
 *
 * <p>Implementations must be thread-safe and bounded in time by their commands' timeouts.
 */
@FunctionalInterface
public interface ProcessSampler {

  /** Samples process {@code pid}; {@code durationSeconds} is the requested sampling time (1..10). */
  List<DiagnosticProcessSample> sample(long pid, double durationSeconds);

  /** The sampler for the OS this JVM runs on, running its tools through {@code runner}. */
  static ProcessSampler forCurrentOs(CommandRunner runner) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac") || os.contains("darwin")) {
      return macOs(runner);
    }
    if (os.contains("linux")) {
      return linux(runner, Path.of("/proc"));
    }
    return none();
  }

  /** Python Skulk's macOS set: {@code sample}, {@code vmmap -summary}, {@code footprint -p}. */
  static ProcessSampler macOs(CommandRunner runner) {
    return new MacProcessSampler(runner);
  }

  /** The Linux set, reading procfs under {@code procRoot} (normally {@code /proc}). */
  static ProcessSampler linux(CommandRunner runner, Path procRoot) {
    return new LinuxProcessSampler(runner, procRoot);
  }

  /** No samples at all. */
  static ProcessSampler none() {
    return (pid, durationSeconds) -> List.of();
  }
}
