/**
 * Runner flight recorder and supervisor tracking: what a runner reports about itself (its phases,
 * as {@link dev.skulk.diagnostics.model.RunnerDiagnosticUpdate}s, through {@link
 * dev.skulk.diagnostics.runner.RunnerDiagnostics}), and what the supervisor beside it keeps (a
 * {@link dev.skulk.diagnostics.runner.RunnerSupervisorTracker} per runner, with a bounded, lock-free
 * {@link dev.skulk.diagnostics.runner.RunnerFlightRecorder}), gathered for the diagnostics bundle by a
 * {@link dev.skulk.diagnostics.runner.RunnerSupervisorRegistry}. A runner in another process sends
 * its updates as JSON lines through a {@link dev.skulk.diagnostics.runner.RunnerUpdateWriter} to a
 * {@link dev.skulk.diagnostics.runner.RunnerUpdateReader}.
 */
@NullMarked
package dev.skulk.diagnostics.runner;

import org.jspecify.annotations.NullMarked;
