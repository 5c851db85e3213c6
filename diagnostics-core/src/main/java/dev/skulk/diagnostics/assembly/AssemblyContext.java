package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.time.Ticker;
import java.time.Clock;
import java.util.Set;

/** The {@link CollectContext} of one assembly; immutable and thread-safe. */
record AssemblyContext(
    String nodeId,
    Clock clock,
    Ticker ticker,
    long deadlineTick,
    HostFacts hostFacts,
    long selfPid,
    Set<Long> runnerPids,
    ClusterStateView state) implements CollectContext {

  @Override
  public long remainingNanos() {
    return Math.max(0, deadlineTick - ticker.read());
  }
}
