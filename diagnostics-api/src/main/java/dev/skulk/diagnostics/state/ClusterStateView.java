package dev.skulk.diagnostics.state;

import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The host's read-only view of Skulk's event-sourced cluster state, as this node currently sees
 * it. A Skulk node daemon adapts its state object to this interface; a standalone host uses {@link
 * #standalone(String)}.
 *
 * <p>What a host must provide: its node id, the master when known, the tracing flag, the current
 * instances with their shard assignments (in the instance's order), every runner's status variant
 * name (for example {@code RunnerWarmingUp}), the tasks it tracks, and, per node, the last gathered
 * identity and telemetry (null when not gathered). Implementations must be thread-safe and cheap:
 * the assembler calls them on every diagnostics request and must not see a view change midway, so
 * return consistent snapshots (immutable collections).
 */
public interface ClusterStateView {

  /** This node's id. */
  String nodeId();

  /**
   * The current master node, when the host's election knows one. Null means no election has
   * decided yet: the bundle then names this node as master, as Python Skulk starts every node as its
   * own master ({@code self._master_node_id = node_id}) until an election says otherwise.
   */
  @Nullable String masterNodeId();

  /** Whether cluster runtime tracing is on. */
  boolean tracingEnabled();

  /** The current instances, in the state's order. */
  List<InstanceView> instances();

  /** Runner id to the runner's current status variant name (for example {@code RunnerReady}). */
  Map<String, String> runnerStatuses();

  /** The tasks cluster state tracks, in the state's order. */
  List<TaskView> tasks();

  /** Every node the state knows, in a stable order. */
  List<String> nodeIds();

  /** The last gathered identity of a node, or null. */
  @Nullable NodeIdentity identity(String nodeId);

  /** The last gathered memory reading of a node, or null. */
  @Nullable MemoryUsage memory(String nodeId);

  /** The last gathered disk reading of a node, or null. */
  @Nullable DiskUsage disk(String nodeId);

  /** The last gathered system performance reading of a node, or null. */
  @Nullable SystemPerformanceProfile system(String nodeId);

  /** The last gathered network reading of a node, or null. */
  @Nullable NodeNetworkInfo network(String nodeId);

  /**
   * The view of a host without gossip state: no master, no tracing, no instances, runners, tasks
   * or gathered readings. The assembler then reports its live collectors' readings.
   */
  static ClusterStateView standalone(String nodeId) {
    return new StandaloneStateView(nodeId);
  }
}
