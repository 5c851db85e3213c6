package dev.skulk.diagnostics.cluster.internal;

import dev.skulk.diagnostics.cluster.CommandRunner;
import dev.skulk.diagnostics.cluster.ProcessSampler;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Python Skulk's macOS samples, run one after the other; not a stable API. */
public final class MacProcessSampler implements ProcessSampler {

  static final Duration TOOL_TIMEOUT = Duration.ofSeconds(8);
  static final Duration SAMPLE_GRACE = Duration.ofSeconds(5);

  private final CommandRunner runner;

  /** Runs the tools through {@code runner}. */
  public MacProcessSampler(CommandRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /** The whole seconds {@code sample} is asked to run: half-to-even rounding, at least 1. */
  public static long sampleSeconds(double durationSeconds) {
    return Math.max(1, (long) Math.rint(durationSeconds));
  }

  @Override
  public List<DiagnosticProcessSample> sample(long pid, double durationSeconds) {
    long seconds = sampleSeconds(durationSeconds);
    String p = Long.toString(pid);
    List<DiagnosticProcessSample> samples = new ArrayList<>(3);
    samples.add(runner.run("sample", List.of("sample", p, Long.toString(seconds)),
        Duration.ofSeconds(seconds).plus(SAMPLE_GRACE)));
    samples.add(runner.run("vmmap", List.of("vmmap", "-summary", p), TOOL_TIMEOUT));
    samples.add(runner.run("footprint", List.of("footprint", "-p", p), TOOL_TIMEOUT));
    return samples;
  }
}
