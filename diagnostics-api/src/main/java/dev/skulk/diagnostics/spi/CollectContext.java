package dev.skulk.diagnostics.spi;

import dev.skulk.diagnostics.state.ClusterStateView;
import java.time.Clock;
import java.util.Set;

/**
 * What a {@link Collector} may know about the collection it is part of. Created by the assembler
 * once per assembly; immutable and thread-safe.
 */
public interface CollectContext {

  /** This node's id. */
  String nodeId();

  /** The assembler's clock: use it, never the system clock, for timestamps. */
  Clock clock();

  /** Nanoseconds left before this collector's budget (its timeout or the overall deadline) ends. */
  long remainingNanos();

  /** Facts the host knows about itself (config path, version, logging, models directory, ...). */
  HostFacts hostFacts();

  /** The pid of the process the assembler runs in (the Skulk node process). */
  long selfPid();

  /** Pids of the runner subprocesses the host supervises, for process roles. */
  Set<Long> runnerPids();

  /** The host's event-sourced view (an empty one for a standalone host). */
  ClusterStateView state();
}
