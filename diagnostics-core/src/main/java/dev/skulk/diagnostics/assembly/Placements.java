package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.rules.PlacementWarningsRule;
import dev.skulk.diagnostics.rules.RunnerDivergenceRule;
import dev.skulk.diagnostics.rules.Warnings;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.state.InstanceView;
import dev.skulk.diagnostics.state.ShardAssignment;
import dev.skulk.diagnostics.state.TaskView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Python Skulk's placement analysis, built from the host's event-sourced state: one entry per
 * instance in the state's order; {@code placementNodeIds} in assignment order; runners sorted by
 * device rank (stable); each runner's {@code tasks} are all the instance's tasks in state order,
 * carrying that runner's id (and the instance's model when the task names none); {@code
 * statusKind} is the runner's status variant name or null; {@code friendlyName} only when the
 * node's gathered identity has one other than {@code Unknown}; {@code isLocal} / {@code isMaster}
 * compare with this node and the master. Warnings are {@link PlacementWarningsRule}'s and, as in
 * Python Skulk, the {@link RunnerDivergenceRule} warnings of supervisors of that instance; sorted
 * and distinct.
 *
 * <p>Stateless and thread-safe; linear in instances x (assignments x tasks) plus the supervisors.
 */
public final class Placements {

  private Placements() {}

  /**
   * The placements of every instance in {@code state}.
   *
   * @param state the host's state view (read once per accessor)
   * @param nodeId this node's id
   * @param supervisors this node's live runner supervisors, for divergence warnings
   */
  public static List<InstancePlacementDiagnostics> build(
      ClusterStateView state, String nodeId, Collection<RunnerSupervisorDiagnostics> supervisors) {
    Objects.requireNonNull(nodeId, "nodeId");
    String master = BundleDraft.masterOrSelf(state.masterNodeId(), nodeId);
    Map<String, String> statuses = state.runnerStatuses();
    List<TaskView> tasks = state.tasks();
    Map<String, @Nullable String> friendlyNames = new HashMap<>();

    List<InstancePlacementDiagnostics> placements = new ArrayList<>();
    for (InstanceView instance : state.instances()) {
      List<String> nodeIds = instance.nodeIds();
      boolean masterIsPlacementNode = master != null && nodeIds.contains(master);
      List<TaskView> instanceTasks = new ArrayList<>();
      for (TaskView task : tasks) {
        if (task.instanceId().equals(instance.instanceId())) {
          instanceTasks.add(task);
        }
      }
      List<PlacementRunnerDiagnostics> runners = new ArrayList<>();
      Map<String, String> runnerStatuses = new LinkedHashMap<>();
      for (ShardAssignment assignment : instance.assignments()) {
        String status = statuses.get(assignment.runnerId());
        if (status != null) {
          runnerStatuses.putIfAbsent(assignment.runnerId(), status);
        }
        String friendlyName = friendlyNames.computeIfAbsent(assignment.nodeId(), node -> friendlyName(state, node));
        runners.add(new PlacementRunnerDiagnostics(
            assignment.runnerId(),
            assignment.nodeId(),
            friendlyName,
            status,
            assignment.deviceRank(),
            assignment.worldSize(),
            assignment.startLayer(),
            assignment.endLayer(),
            assignment.nLayers(),
            assignment.nodeId().equals(nodeId),
            assignment.nodeId().equals(master),
            taskRecords(instanceTasks, assignment.runnerId(), instance.modelId())));
      }
      runners.sort(Comparator.comparingInt(PlacementRunnerDiagnostics::deviceRank));
      placements.add(new InstancePlacementDiagnostics(
          instance.instanceId(),
          instance.modelId(),
          master,
          masterIsPlacementNode,
          nodeIds.contains(nodeId),
          nodeIds,
          runners,
          PlacementWarningsRule.placementWarnings(masterIsPlacementNode, runnerStatuses)));
    }

    Map<String, List<String>> divergence =
        RunnerDivergenceRule.warningsByInstance(tasks, placements, supervisors);
    if (divergence.isEmpty()) {
      return List.copyOf(placements);
    }
    List<InstancePlacementDiagnostics> merged = new ArrayList<>(placements.size());
    for (InstancePlacementDiagnostics placement : placements) {
      List<String> extra = divergence.get(placement.instanceId());
      if (extra == null) {
        merged.add(placement);
        continue;
      }
      List<String> warnings = new ArrayList<>(placement.warnings());
      warnings.addAll(extra);
      merged.add(new InstancePlacementDiagnostics(
          placement.instanceId(),
          placement.modelId(),
          placement.masterNodeId(),
          placement.masterIsPlacementNode(),
          placement.localNodeIsPlacementNode(),
          placement.placementNodeIds(),
          placement.runners(),
          Warnings.sortedDistinct(warnings)));
    }
    return List.copyOf(merged);
  }

  /** The node's gathered friendly name, or null when unknown or {@code Unknown}. */
  static @Nullable String friendlyName(ClusterStateView state, String nodeId) {
    NodeIdentity identity = state.identity(nodeId);
    return identity == null ? null : knownOrNull(identity.friendlyName());
  }

  static @Nullable String knownOrNull(@Nullable String value) {
    return value == null || value.isEmpty() || "Unknown".equals(value) ? null : value;
  }

  private static List<RunnerTaskDiagnostics> taskRecords(
      List<TaskView> tasks, String runnerId, String instanceModelId) {
    List<RunnerTaskDiagnostics> records = new ArrayList<>(tasks.size());
    for (TaskView task : tasks) {
      records.add(new RunnerTaskDiagnostics(
          task.taskId(),
          task.taskKind(),
          task.taskStatus(),
          task.instanceId(),
          task.commandId(),
          runnerId,
          task.modelId() != null ? task.modelId() : instanceModelId));
    }
    return List.copyOf(records);
  }
}
