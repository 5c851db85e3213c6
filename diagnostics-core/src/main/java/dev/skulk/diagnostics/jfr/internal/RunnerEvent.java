package dev.skulk.diagnostics.jfr.internal;

import jdk.jfr.Event;
import jdk.jfr.Label;
import org.jspecify.annotations.Nullable;

/**
 * The fields every runner event carries first, in this order: which runner, of which instance, at
 * which rank. JFR includes a superclass's fields in each subclass's events.
 *
 * <p>Not thread-safe: one instance per emission, on the emitting thread.
 */
abstract class RunnerEvent extends Event {
  @Label("Runner Id")
  @Nullable String runnerId;

  @Label("Instance Id")
  @Nullable String instanceId;

  @Label("Device Rank")
  int rank;

  /** Sets the runner's identity fields. */
  final void runner(@Nullable String runnerId, @Nullable String instanceId, int rank) {
    this.runnerId = runnerId;
    this.instanceId = instanceId;
    this.rank = rank;
  }
}
