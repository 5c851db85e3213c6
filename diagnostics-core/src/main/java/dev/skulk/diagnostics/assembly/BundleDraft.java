package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.assembly.internal.RuntimeFallback;
import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.Slot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Merging the live readings with the host's state into a bundle without warnings: which source
 * wins for each field (see {@link DiagnosticsAssembler}).
 */
final class BundleDraft {

  private BundleDraft() {}

  static NodeDiagnostics draft(
      String nodeId,
      String generatedAt,
      SlotValues values,
      StateSnapshot state,
      List<RunnerSupervisorDiagnostics> supervisors,
      List<InstancePlacementDiagnostics> placements,
      HostFacts facts,
      Function<String, @Nullable String> env) {
    NodeIdentity stateIdentity = state.identity(nodeId);
    NodeIdentity identity = stateIdentity != null ? stateIdentity : values.get(Slot.IDENTITY);
    return new NodeDiagnostics(
        generatedAt,
        runtime(nodeId, values.get(Slot.RUNTIME), values.get(Slot.IDENTITY), state, facts, env),
        identity,
        resources(nodeId, values, state),
        processes(values.get(Slot.PROCESSES)),
        supervisors,
        placements,
        List.of());
  }

  /**
   * The runtime section: {@link RuntimeSection#build} when no collector gave one; a collector's
   * reading (ours is built there too) gets the state's view of the node, master and tracing laid
   * over it, so a host's own runtime collector cannot contradict the placements.
   */
  static NodeRuntimeDiagnostics runtime(
      String nodeId,
      @Nullable NodeRuntimeDiagnostics live,
      @Nullable NodeIdentity liveIdentity,
      StateSnapshot state,
      HostFacts facts,
      Function<String, @Nullable String> env) {
    if (live == null) {
      return RuntimeSection.build(nodeId, state, facts, liveIdentity, RuntimeFallback.host(facts, env));
    }
    String friendlyName = RuntimeSection.friendlyName(state.identity(nodeId), liveIdentity);
    if (friendlyName == null) {
      friendlyName = Placements.knownOrNull(live.friendlyName());
    }
    String master = masterOrSelf(state.masterNodeId(), nodeId);
    return new NodeRuntimeDiagnosticsBuilder()
        .from(live)
        .nodeId(nodeId)
        .friendlyName(friendlyName)
        .isMaster(nodeId.equals(master))
        .masterNodeId(master)
        .tracingEnabled(state.tracingEnabled())
        .build();
  }

  /**
   * The master a bundle names: the election's when there is one, else this node, as upstream's
   * {@code _runtime_diagnostics} writes {@code str(self._master_node_id)}, initialised to the node.
   */
  static String masterOrSelf(@Nullable String electedMaster, String nodeId) {
    return electedMaster != null ? electedMaster : nodeId;
  }

  static NodeResourceDiagnostics resources(String nodeId, SlotValues values, StateSnapshot state) {
    var disk = state.disk(nodeId);
    var system = state.system(nodeId);
    var network = state.network(nodeId);
    return new NodeResourceDiagnostics(
        state.memory(nodeId),
        values.get(Slot.CURRENT_MEMORY),
        values.get(Slot.CURRENT_WIRED),
        disk != null ? disk : values.get(Slot.DISK),
        system != null ? system : liveSystem(values.get(Slot.SYSTEM_PROFILE), values.get(Slot.ACCELERATOR)),
        network != null ? network : values.get(Slot.NETWORK));
  }

  /** The live profile, given the accelerator reading when it has none; zeros around a lone accelerator. */
  static @Nullable SystemPerformanceProfile liveSystem(
      @Nullable SystemPerformanceProfile profile, @Nullable AcceleratorMetrics accelerator) {
    if (profile == null) {
      return accelerator == null ? null : new SystemPerformanceProfile(0.0, 0.0, 0.0, 0.0, 0.0, accelerator);
    }
    if (profile.accelerator() == null && accelerator != null) {
      return new SystemPerformanceProfile(profile.gpuUsage(), profile.temp(), profile.sysPower(),
          profile.pcpuUsage(), profile.ecpuUsage(), accelerator);
    }
    return profile;
  }

  /**
   * The processes as the collector reported them (roles and lineage included: it derived them once
   * from the raw {@code argv}, which never leaves it), sorted by pid.
   */
  static List<DiagnosticsProcess> processes(@Nullable List<DiagnosticsProcess> live) {
    if (live == null || live.isEmpty()) {
      return List.of();
    }
    List<DiagnosticsProcess> sorted = new ArrayList<>(live);
    sorted.sort(Comparator.comparingLong(DiagnosticsProcess::pid));
    return List.copyOf(sorted);
  }

  static Set<Long> runnerPids(List<RunnerSupervisorDiagnostics> supervisors) {
    Set<Long> pids = new HashSet<>();
    for (RunnerSupervisorDiagnostics supervisor : supervisors) {
      if (supervisor.pid() != null) {
        pids.add(supervisor.pid());
      }
    }
    return Set.copyOf(pids);
  }
}
