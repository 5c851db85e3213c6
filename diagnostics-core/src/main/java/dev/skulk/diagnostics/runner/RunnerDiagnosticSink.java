package dev.skulk.diagnostics.runner;

import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;

/**
 * Where a runner's {@link RunnerDiagnostics} sends its updates: in the same process, usually the
 * supervisor's tracker ({@code tracker::applyUpdate}); across processes, a {@code
 * RunnerUpdateWriter} onto a pipe.
 *
 * <p>Implementations are called on the runner's own threads, on its hot path: they must be
 * thread-safe, quick and never block. {@link RunnerDiagnostics} catches and counts whatever one
 * throws, so a failing sink never breaks the runner.
 */
@FunctionalInterface
public interface RunnerDiagnosticSink {

  /** Takes one update. */
  void accept(RunnerDiagnosticUpdate update);
}
