package dev.skulk.diagnostics.rules;

import static dev.skulk.diagnostics.rules.ShortIds.shortId;

import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.state.TaskView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Python Skulk's warnings for a live runner supervisor whose view of its tasks diverges from
 * event-sourced cluster state, ported from upstream's {@code
 * API._augment_runner_divergence_warnings}. For each supervisor with tasks in progress (alive or
 * not):
 *
 * <ul>
 *   <li>when its process is alive and the placement of its instance lists no task of any status
 *       on any runner (or the instance has no placement): {@code Runner <r> is still alive with
 *       <n> in-progress task(s), but event-sourced state shows no active tasks for instance <i>.}
 *   <li>then, for each in-progress task: when state does not track it, {@code Runner <r> still
 *       reports <kind>:<t> in progress, but cluster state no longer tracks that task.}; when
 *       state's status is not {@code Pending} or {@code Running}, {@code Runner <r> still reports
 *       <kind>:<t> in progress while cluster state says <status>.}; otherwise, when the instance
 *       has a placement and that placement's (first) entry for this runner lists no task with that
 *       id (of any status), {@code Runner <r> still reports <kind>:<t> in progress, but placement
 *       diagnostics show no active task on this runner.}
 * </ul>
 *
 * <p>Ids are shortened with {@link ShortIds#shortId(String)}. As in Python Skulk, each warning is
 * also a warning of the placement of the supervisor's instance ({@link #warningsByInstance}).
 *
 * <p>Stateless and thread-safe; linear in supervisors, tasks and placement entries.
 */
public final class RunnerDivergenceRule implements DiagnosticRule {

  /** The rule's stable name. */
  public static final String NAME = "skulk.runner-divergence";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
    Map<String, List<String>> byInstance =
        warningsByInstance(state.tasks(), draft.placements(), draft.supervisorRunners());
    List<String> all = new ArrayList<>();
    byInstance.values().forEach(all::addAll);
    return Warnings.sortedDistinct(all);
  }

  /**
   * The divergence warnings, keyed by the instance id of the supervisor they are about (in
   * supervisor order), each list sorted and distinct.
   *
   * @param stateTasks the tasks cluster state tracks
   * @param placements the placements built from cluster state (their runners' task lists are read)
   * @param supervisors the live runner supervisors of this node
   */
  public static Map<String, List<String>> warningsByInstance(
      Collection<TaskView> stateTasks,
      Collection<InstancePlacementDiagnostics> placements,
      Collection<RunnerSupervisorDiagnostics> supervisors) {
    // As upstream's dict comprehensions, a later entry with the same id replaces an earlier one.
    Map<String, TaskView> taskById = new HashMap<>();
    for (TaskView task : stateTasks) {
      taskById.put(task.taskId(), task);
    }
    Map<String, InstancePlacementDiagnostics> placementByInstance = new HashMap<>();
    for (InstancePlacementDiagnostics placement : placements) {
      placementByInstance.put(placement.instanceId(), placement);
    }

    Map<String, List<String>> byInstance = new LinkedHashMap<>();
    for (RunnerSupervisorDiagnostics runner : supervisors) {
      if (runner.inProgressTasks().isEmpty()) {
        continue;
      }
      List<String> warnings = byInstance.computeIfAbsent(runner.instanceId(), k -> new ArrayList<>());
      InstancePlacementDiagnostics placement = placementByInstance.get(runner.instanceId());
      Set<String> placementTaskIds = new HashSet<>();
      boolean instanceHasTasks = false;
      if (placement != null) {
        PlacementRunnerDiagnostics entry = entryFor(placement, runner.runnerId());
        if (entry != null) {
          entry.tasks().forEach(task -> placementTaskIds.add(task.taskId()));
        }
        for (PlacementRunnerDiagnostics placementRunner : placement.runners()) {
          instanceHasTasks |= !placementRunner.tasks().isEmpty();
        }
      }
      // Upstream asks whether the placement lists any task at all (any status), not an active one.
      if (runner.processAlive() && !instanceHasTasks) {
        warnings.add(stillAlive(runner));
      }
      // Upstream checks every in-progress task, also of a dead runner and after the warning above.
      for (RunnerTaskDiagnostics task : runner.inProgressTasks()) {
        TaskView stateTask = taskById.get(task.taskId());
        if (stateTask == null) {
          warnings.add(noLongerTracked(runner.runnerId(), task));
        } else if (!isActive(stateTask.taskStatus())) {
          warnings.add(stateSays(runner.runnerId(), task, stateTask.taskStatus()));
        } else if (placement != null && !placementTaskIds.contains(task.taskId())) {
          warnings.add(notInPlacement(runner.runnerId(), task));
        }
      }
    }
    Map<String, List<String>> sorted = new LinkedHashMap<>();
    byInstance.forEach(
        (instance, warnings) -> {
          if (!warnings.isEmpty()) {
            sorted.put(instance, Warnings.sortedDistinct(warnings));
          }
        });
    return sorted;
  }

  /** {@code Runner <r> is still alive with <n> in-progress task(s), but event-sourced state shows no active tasks for instance <i>.} */
  public static String stillAlive(RunnerSupervisorDiagnostics runner) {
    return "Runner " + shortId(runner.runnerId()) + " is still alive with "
        + runner.inProgressTasks().size() + " in-progress task(s), but event-sourced state shows "
        + "no active tasks for instance " + shortId(runner.instanceId()) + ".";
  }

  /** {@code Runner <r> still reports <kind>:<t> in progress, but cluster state no longer tracks that task.} */
  public static String noLongerTracked(String runnerId, RunnerTaskDiagnostics task) {
    return stillReports(runnerId, task) + " in progress, but cluster state no longer tracks that task.";
  }

  /** {@code Runner <r> still reports <kind>:<t> in progress while cluster state says <status>.} */
  public static String stateSays(String runnerId, RunnerTaskDiagnostics task, String status) {
    return stillReports(runnerId, task) + " in progress while cluster state says " + status + ".";
  }

  /** {@code Runner <r> still reports <kind>:<t> in progress, but placement diagnostics show no active task on this runner.} */
  public static String notInPlacement(String runnerId, RunnerTaskDiagnostics task) {
    return stillReports(runnerId, task)
        + " in progress, but placement diagnostics show no active task on this runner.";
  }

  private static String stillReports(String runnerId, RunnerTaskDiagnostics task) {
    return "Runner " + shortId(runnerId) + " still reports " + task.taskKind() + ":" + shortId(task.taskId());
  }

  private static @Nullable PlacementRunnerDiagnostics entryFor(
      InstancePlacementDiagnostics placement, String runnerId) {
    for (PlacementRunnerDiagnostics entry : placement.runners()) {
      if (entry.runnerId().equals(runnerId)) {
        return entry;
      }
    }
    return null;
  }

  private static boolean isActive(String status) {
    return "Pending".equals(status) || "Running".equals(status);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
