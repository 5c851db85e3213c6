package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** A collect context for tests: fixed clock, five seconds of budget, standalone state. */
record TestContext(
    String nodeId, Clock clock, HostFacts hostFacts, long selfPid, ClusterStateView state)
    implements CollectContext {

  static final Instant NOW = Instant.parse("2026-11-27T03:13:13.123456Z");

  static TestContext standalone() {
    return with(HostFacts.none());
  }

  static TestContext with(HostFacts facts) {
    return new TestContext(
        "node-a",
        Clock.fixed(NOW, ZoneOffset.UTC),
        facts,
        ProcessHandle.current().pid(),
        ClusterStateView.standalone("node-a"));
  }

  TestContext withState(ClusterStateView view) {
    return new TestContext(nodeId, clock, hostFacts, selfPid, view);
  }

  TestContext withSelfPid(long pid) {
    return new TestContext(nodeId, clock, hostFacts, pid, state);
  }

  @Override
  public long remainingNanos() {
    return 5_000_000_000L;
  }

  @Override
  public Set<Long> runnerPids() {
    return Set.of();
  }
}
